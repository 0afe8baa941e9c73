package dev.ticketing.common.events;

import java.util.Arrays;

/** The subjects of the event contract and the record each one carries. */
public enum EventType {
    TICKET_CREATED("ticket.created", TicketCreated.class),
    TICKET_UPDATED("ticket.updated", TicketUpdated.class),
    ORDER_CREATED("order.created", OrderCreated.class),
    ORDER_CANCELLED("order.cancelled", OrderCancelled.class),
    ORDER_COMPLETED("order.completed", OrderCompleted.class),
    EXPIRATION_COMPLETE("expiration.complete", ExpirationComplete.class),
    PAYMENT_CREATED("payment.created", PaymentCreated.class);

    /** Subject patterns of the TICKETING stream (before any configured prefix). */
    public static final String[] STREAM_SUBJECTS = {"ticket.*", "order.*", "expiration.*", "payment.*"};

    private final String subject;
    private final Class<? extends Event> payloadType;

    EventType(String subject, Class<? extends Event> payloadType) {
        this.subject = subject;
        this.payloadType = payloadType;
    }

    public String subject() {
        return subject;
    }

    public Class<? extends Event> payloadType() {
        return payloadType;
    }

    public static EventType of(Event event) {
        return of(event.getClass());
    }

    public static EventType of(Class<? extends Event> type) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event of the contract: " + type));
    }
}
