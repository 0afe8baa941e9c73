package dev.ticketing.common.messaging;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events given up on, kept in {@code parked_events} for a person (never pruned): counted as
 * {@code outcome="parked"} and logged once, with the event's id, when parked.
 */
class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final JdbcClient jdbc;
    private final EventMetrics metrics;

    ParkedEvents(JdbcClient jdbc, EventMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Parks the event unless it is parked already; returns whether this call parked it. */
    boolean park(UUID eventId, String subject, String payload, String error, long deliveries) {
        int parked = jdbc.sql("""
                        INSERT INTO parked_events (event_id, subject, payload, error, deliveries)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, subject, payload, error, deliveries)
                .update();
        if (parked == 1) {
            metrics.count(subject, EventMetrics.PARKED);
            log.error("Event {} {} parked after {} attempts: {}", subject, eventId, deliveries, error);
        }
        return parked == 1;
    }
}
