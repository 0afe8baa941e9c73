package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs listeners inside the caller's transaction, each event once: its id goes into
 * {@code processed_events} in the same transaction as the listener's changes, so a redelivered or
 * duplicated event finds its id there and changes nothing.
 */
class EventApplier {

    private final JdbcClient jdbc;
    private final MessageTracing tracing;

    EventApplier(JdbcClient jdbc, MessageTracing tracing) {
        this.jdbc = jdbc;
        this.tracing = tracing;
    }

    /** Applies the event unless it was applied before; returns whether it was applied now. */
    boolean apply(IncomingEvent event) {
        int recorded = jdbc.sql("INSERT INTO processed_events (event_id, subject) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.id(), event.subject())
                .update();
        if (recorded == 0) {
            return false;
        }
        run(event);
        return true;
    }

    /**
     * Applies the events in order, recording all their ids with one statement; returns the ids
     * applied now (the others were applied before, or came twice in this list).
     */
    Set<UUID> applyAll(List<IncomingEvent> events) {
        UUID[] ids = events.stream().map(IncomingEvent::id).toArray(UUID[]::new);
        String[] subjects = events.stream().map(IncomingEvent::subject).toArray(String[]::new);
        Set<UUID> fresh = new HashSet<>(jdbc.sql("""
                        INSERT INTO processed_events (event_id, subject)
                        SELECT * FROM unnest(?::uuid[], ?::text[])
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .params(ids, subjects)
                .query(UUID.class)
                .list());
        Set<UUID> applied = new HashSet<>(fresh.size());
        for (IncomingEvent event : events) {
            if (fresh.contains(event.id()) && applied.add(event.id())) {
                run(event);
            }
        }
        return applied;
    }

    private void run(IncomingEvent event) {
        tracing.inSpan(event.subject(), event.id(), event.traceParent(), () -> {
            on(event.listener(), event.event());
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <E extends Event> void on(Listener<E> listener, Event event) {
        listener.on((E) event);
    }
}
