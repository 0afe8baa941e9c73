package dev.ticketing.orders.events;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.orders.order.OrderService;
import org.springframework.stereotype.Component;

/** An order was paid: it is complete. */
@Component
class PaymentCreatedListener extends Listener<PaymentCreated> {

    private final OrderService orders;

    PaymentCreatedListener(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void on(PaymentCreated event) {
        orders.complete(event.orderId(), event.id());
    }
}
