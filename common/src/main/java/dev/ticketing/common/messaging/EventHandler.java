package dev.ticketing.common.messaging;

import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a durable consumer does with the messages of one fetch. They are applied together in one
 * transaction and acknowledged after its commit; when any of them is not ready or fails, the
 * transaction rolls back and they are applied one by one, so that each gets its own outcome:
 * <ul>
 * <li>applied (or a duplicate): acknowledged;</li>
 * <li>"not yet" ({@link NotYetException}): stored in {@code deferred_events} and acknowledged, so
 *     it leaves the consumer's pending window ({@link DeferredEvents} retries it);</li>
 * <li>failed: redelivered with a growing delay, and parked after the last allowed delivery;</li>
 * <li>unreadable: parked at once.</li>
 * </ul>
 */
class EventHandler {

    private static final Logger log = LoggerFactory.getLogger(EventHandler.class);
    private static final String MSG_ID = "Nats-Msg-Id";

    private final Listeners listeners;
    private final EventApplier applier;
    private final TransactionTemplate transactions;
    private final DeferredEvents deferred;
    private final ParkedEvents parked;
    private final EventMetrics metrics;
    private final NatsProperties properties;

    EventHandler(Listeners listeners, EventApplier applier, TransactionTemplate transactions, DeferredEvents deferred,
                 ParkedEvents parked, EventMetrics metrics, NatsProperties properties) {
        this.listeners = listeners;
        this.applier = applier;
        this.transactions = transactions;
        this.deferred = deferred;
        this.parked = parked;
        this.metrics = metrics;
        this.properties = properties;
    }

    /**
     * Handles the messages of one fetch, in order. An {@link Error} thrown by a listener is
     * recorded as that event's failure and ends the fetch: the messages after it are returned
     * unsettled, for the consumer to hand back once it has stopped pulling.
     */
    Outcome handle(List<Message> messages) {
        List<Delivery> readable = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Delivery delivery = read(message);
            if (delivery != null) {
                readable.add(delivery);
            }
        }
        if (readable.isEmpty()) {
            return Outcome.NOTHING_APPLIED;
        }
        if (readable.size() > 1) {
            Boolean applied = applyTogether(readable);
            if (applied != null) {
                return applied ? Outcome.APPLIED : Outcome.NOTHING_APPLIED;
            }
        }
        boolean applied = false;
        for (int i = 0; i < readable.size(); i++) {
            try {
                applied |= applyAlone(readable.get(i));
            } catch (Error e) {
                List<Message> unsettled = readable.subList(i + 1, readable.size()).stream().map(Delivery::message).toList();
                return new Outcome(applied, e, unsettled);
            }
        }
        return applied ? Outcome.APPLIED : Outcome.NOTHING_APPLIED;
    }

    /**
     * What became of a fetch: whether any event was applied (others may be waiting for it), and
     * the {@link Error} that stopped it with the messages it left unsettled.
     */
    record Outcome(boolean applied, Error fatal, List<Message> unsettled) {
        static final Outcome APPLIED = new Outcome(true, null, List.of());
        static final Outcome NOTHING_APPLIED = new Outcome(false, null, List.of());
    }

    private Delivery read(Message message) {
        String subject = properties.contractSubject(message.getSubject());
        UUID id = eventId(message);
        long delivery = message.metaData().deliveredCount();
        if (!listeners.hears(subject)) {
            message.ack();
            return null;
        }
        try {
            return new Delivery(message, listeners.read(id, subject, message.getData(), header(message, MessageTracing.HEADER)),
                    delivery);
        } catch (UnreadableEventException e) {
            park(message, id, subject, new String(message.getData(), StandardCharsets.UTF_8), e.getMessage(), delivery);
            return null;
        }
    }

    /** One transaction for the whole fetch; null when one of them was not ready or failed (nothing committed). */
    private Boolean applyTogether(List<Delivery> deliveries) {
        Set<UUID> applied;
        try {
            applied = transactions.execute(status -> applier.applyAll(deliveries.stream().map(Delivery::event).toList()));
        } catch (RuntimeException | Error e) {
            log.debug("A fetch of {} events is applied one by one: {}", deliveries.size(), e.toString());
            return null;
        }
        boolean any = !applied.isEmpty();
        for (Delivery delivery : deliveries) {
            delivery.message().ack();
            boolean fresh = applied.remove(delivery.event().id());
            metrics.count(delivery.event().subject(), fresh ? EventMetrics.APPLIED : EventMetrics.DUPLICATE);
        }
        return any;
    }

    private boolean applyAlone(Delivery delivery) {
        IncomingEvent event = delivery.event();
        try {
            boolean applied = Boolean.TRUE.equals(transactions.execute(status -> applier.apply(event)));
            delivery.message().ack();
            metrics.count(event.subject(), applied ? EventMetrics.APPLIED : EventMetrics.DUPLICATE);
            return applied;
        } catch (NotYetException e) {
            defer(delivery, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            fail(delivery, e);
            return false;
        } catch (Error e) {
            fail(delivery, e);
            throw e;
        }
    }

    private void defer(Delivery delivery, String reason) {
        IncomingEvent event = delivery.event();
        try {
            deferred.defer(event, reason);
        } catch (RuntimeException e) {
            log.warn("Event {} {} is not ready and could not be deferred, redelivering: {}",
                    event.subject(), event.id(), e.toString());
            delivery.message().nakWithDelay(backoff(delivery));
            metrics.count(event.subject(), EventMetrics.RETRY);
            return;
        }
        delivery.message().ack();
        log.debug("Event {} {} deferred: {}", event.subject(), event.id(), reason);
        metrics.count(event.subject(), EventMetrics.NOT_YET);
    }

    private void fail(Delivery delivery, Throwable failure) {
        IncomingEvent event = delivery.event();
        if (delivery.count() >= properties.maxDeliver()) {
            park(delivery.message(), event.id(), event.subject(), event.payload(), failure.toString(), delivery.count());
            return;
        }
        log.warn("Event {} {} failed (delivery {} of {}), retrying: {}",
                event.subject(), event.id(), delivery.count(), properties.maxDeliver(), failure.toString());
        // after an Error the consumer restarts: the event must come back to the restarted one, since the
        // server does not count a delivery to a subscription that has gone
        Duration delay = failure instanceof Error ? backoff(delivery).plus(EventConsumers.RESTART_DELAY).plusSeconds(1)
                : backoff(delivery);
        delivery.message().nakWithDelay(delay);
        metrics.count(event.subject(), EventMetrics.RETRY);
    }

    private void park(Message message, UUID id, String subject, String payload, String error, long deliveries) {
        try {
            parked.park(id, subject, payload, error, deliveries);
            message.term();
        } catch (RuntimeException e) {
            log.warn("Event {} {} could not be parked, redelivering: {}", subject, id, e.toString());
            message.nakWithDelay(properties.redeliveryBackoff());
        }
    }

    private Duration backoff(Delivery delivery) {
        return properties.redeliveryBackoff().multipliedBy(delivery.count());
    }

    /** The event's id from its header; a message published without one gets a stable id from its stream position. */
    private UUID eventId(Message message) {
        String header = header(message, MSG_ID);
        if (header != null) {
            try {
                return UUID.fromString(header);
            } catch (IllegalArgumentException e) {
                return UUID.nameUUIDFromBytes(header.getBytes(StandardCharsets.UTF_8));
            }
        }
        String position = properties.stream() + ":" + message.metaData().streamSequence();
        return UUID.nameUUIDFromBytes(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Message message, String name) {
        Headers headers = message.getHeaders();
        return headers == null ? null : headers.getFirst(name);
    }

    /** A message with its event read, and how often the stream has delivered it. */
    private record Delivery(Message message, IncomingEvent event, long count) {
    }
}
