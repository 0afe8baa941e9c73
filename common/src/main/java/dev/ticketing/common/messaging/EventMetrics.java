package dev.ticketing.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code ticketing_events_handled_total{subject,outcome}}: what became of each event this service received. */
class EventMetrics {

    static final String APPLIED = "applied";
    static final String DUPLICATE = "duplicate";
    static final String NOT_YET = "not_yet";
    static final String RETRY = "retry";
    static final String PARKED = "parked";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    EventMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String subject, String outcome) {
        counters.computeIfAbsent(subject + ' ' + outcome, key -> Counter.builder("ticketing.events.handled")
                        .description("Events this service's consumer received, by outcome")
                        .tag("subject", subject)
                        .tag("outcome", outcome)
                        .register(meters))
                .increment();
    }
}
