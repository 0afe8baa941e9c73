package dev.ticketing.orders.events;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.common.messaging.EventListener;
import dev.ticketing.orders.order.OrderService;
import org.springframework.stereotype.Component;

/** An order was paid: it is complete. */
@Component
class PaymentCreatedListener extends EventListener<PaymentCreated> {

    private final OrderService orders;

    PaymentCreatedListener(OrderService orders) {
        super(PaymentCreated.class);
        this.orders = orders;
    }

    @Override
    public void on(PaymentCreated event) {
        orders.complete(event.orderId(), event.id());
    }
}
