package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The service's durable consumers, one per subject it listens to, kept running: a consumer whose
 * thread an {@link Error} ended is reported (the service is not ready, see
 * {@link EventConsumersHealthIndicator}) and restarted after a short pause.
 */
class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);
    /** Stopped consumers are restarted this long after they stopped, so that an error that repeats cannot spin. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    private static final Duration SUPERVISION = Duration.ofMillis(500);

    private final List<DurableConsumer> consumers;
    private final NatsProperties properties;
    private final BackgroundThread supervisor = new BackgroundThread("events-supervisor");
    private volatile boolean running;

    EventConsumers(List<DurableConsumer> consumers, NatsProperties properties) {
        this.consumers = consumers;
        this.properties = properties;
    }

    /** The durable name of the consumer of {@code subject} in {@code service}: {@code orders-service-ticket-created}. */
    static String durable(String service, String subject) {
        return formerDurable(service) + "-" + subject.replace('.', '-');
    }

    /** The one all-subjects consumer a service had before it had one per subject. */
    static String formerDurable(String service) {
        return service + "-service";
    }

    @Override
    public void start() {
        if (consumers.isEmpty()) {
            return;
        }
        running = true;
        consumers.forEach(DurableConsumer::start);
        supervisor.start();
        supervisor.every(SUPERVISION, SUPERVISION, this::restartStopped);
        log.info("Consumers {} started", consumers.stream().map(DurableConsumer::durable).toList());
    }

    private void restartStopped() {
        for (DurableConsumer consumer : consumers) {
            if (running && consumer.stoppedFor().compareTo(RESTART_DELAY) >= 0) {
                log.warn("Restarting consumer {}", consumer.durable());
                consumer.start();
            }
        }
    }

    /** The consumers that should run but do not. */
    List<String> stopped() {
        if (!running) {
            return List.of();
        }
        return consumers.stream().filter(c -> !c.alive()).map(DurableConsumer::durable).toList();
    }

    int size() {
        return consumers.size();
    }

    @Override
    public void stop() {
        running = false;
        if (!consumers.isEmpty()) {
            supervisor.stopNow();
        }
        consumers.forEach(DurableConsumer::stop);
        try {
            for (DurableConsumer consumer : consumers) {
                consumer.awaitStop(properties.ackWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
