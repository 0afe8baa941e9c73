package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventType;

/**
 * Hears one event type. {@link #on} runs inside the transaction that records the event as
 * processed, so a redelivered or duplicated event is applied once; events it publishes through
 * the {@link Outbox} commit with it. Throw {@link NotYetException} for an event that came too early.
 */
public abstract class EventListener<E extends Event> {

    private final EventType type;

    protected EventListener(Class<E> payloadType) {
        this.type = EventType.of(payloadType);
    }

    public EventType type() {
        return type;
    }

    public abstract void on(E event);
}
