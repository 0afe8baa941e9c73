package dev.ticketing.common.messaging;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness ({@code management.endpoint.health.group.readiness.include}): a replica whose
 * consumer stopped would leave its share of events waiting, so it is not ready until the consumer
 * runs again. NATS being away does not count: the consumer is running and retrying then.
 */
class EventConsumersHealthIndicator implements HealthIndicator {

    private final EventConsumers consumers;

    EventConsumersHealthIndicator(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public Health health() {
        List<String> stopped = consumers.stopped();
        if (stopped.isEmpty()) {
            return Health.up().withDetail("consumers", consumers.size()).build();
        }
        return Health.down().withDetail("stopped", stopped).build();
    }
}
