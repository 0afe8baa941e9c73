package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;
import java.util.UUID;

/**
 * An event read from the stream or from {@code deferred_events}, ready for its listener.
 *
 * @param payload     the body as received, kept for parking and deferring
 * @param traceParent the trace of the transaction that published it, or null
 */
record IncomingEvent(UUID id, String subject, Listener<?> listener, Event event, String payload,
                     String traceParent) {
}
