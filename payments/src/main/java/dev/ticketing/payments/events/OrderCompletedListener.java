package dev.ticketing.payments.events;

import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.payments.order.OrderStatusChanges;
import org.springframework.stereotype.Component;

/** A completed order is paid: a second payment is refused even without a payment row here. */
@Component
class OrderCompletedListener extends Listener<OrderCompleted> {

    private final OrderStatusChanges changes;

    OrderCompletedListener(OrderStatusChanges changes) {
        this.changes = changes;
    }

    @Override
    public void on(OrderCompleted event) {
        changes.apply(event.id(), OrderStatus.COMPLETE, event.version());
    }
}
