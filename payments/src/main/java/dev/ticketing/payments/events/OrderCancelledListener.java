package dev.ticketing.payments.events;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.payments.order.OrderStatusChanges;
import dev.ticketing.payments.payment.Cancellations;
import org.springframework.stereotype.Component;

/** A cancelled order can no longer be paid for; money already taken for it is given back. */
@Component
class OrderCancelledListener extends Listener<OrderCancelled> {

    private final OrderStatusChanges changes;
    private final Cancellations cancellations;

    OrderCancelledListener(OrderStatusChanges changes, Cancellations cancellations) {
        this.changes = changes;
        this.cancellations = cancellations;
    }

    @Override
    public void on(OrderCancelled event) {
        changes.apply(event.id(), OrderStatus.CANCELLED, event.version());
        cancellations.settle(event.id());
    }
}
