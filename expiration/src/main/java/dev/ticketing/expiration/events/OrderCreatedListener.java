package dev.ticketing.expiration.events;

import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.expiration.hold.Holds;
import org.springframework.stereotype.Component;

/** A new order is held until its {@code expiresAt}. */
@Component
class OrderCreatedListener extends Listener<OrderCreated> {

    private final Holds holds;

    OrderCreatedListener(Holds holds) {
        this.holds = holds;
    }

    @Override
    public void on(OrderCreated event) {
        if (event.expiresAt() == null) {
            throw new IllegalArgumentException("order.created " + event.id() + " has no expiresAt");
        }
        holds.hold(event.id(), event.expiresAt());
    }
}
