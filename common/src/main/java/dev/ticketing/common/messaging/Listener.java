package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventType;
import org.springframework.core.ResolvableType;

/**
 * Hears the event type it names as its type argument ({@code extends Listener<OrderCreated>}).
 * {@link #on} runs inside the transaction that records the event as processed, so a redelivered
 * or duplicated event is applied once; events it publishes through the {@link Outbox} commit with
 * it. Throw {@link NotYetException} for an event that came too early.
 */
public abstract class Listener<E extends Event> {

    private final EventType type;

    protected Listener() {
        // a type argument left open resolves to its bound, Event itself
        Class<?> payloadType = ResolvableType.forClass(getClass()).as(Listener.class).getGeneric(0).resolve(Event.class);
        if (payloadType == Event.class) {
            throw new IllegalStateException(getClass().getName() + " must name the event it hears: extends Listener<SomeEvent>");
        }
        this.type = EventType.of(payloadType.asSubclass(Event.class));
    }

    public EventType type() {
        return type;
    }

    public abstract void on(E event);
}
