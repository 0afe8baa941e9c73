package dev.ticketing.orders.events;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.orders.order.OrderService;
import org.springframework.stereotype.Component;

/** An order's hold time is over: cancel it unless it was paid or cancelled already. */
@Component
class ExpirationCompleteListener extends Listener<ExpirationComplete> {

    private final OrderService orders;

    ExpirationCompleteListener(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void on(ExpirationComplete event) {
        orders.expire(event.orderId());
    }
}
