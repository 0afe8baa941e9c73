package dev.ticketing.payments.events;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.EventListener;
import org.springframework.stereotype.Component;

/** A cancelled order can no longer be paid for. */
@Component
class OrderCancelledListener extends EventListener<OrderCancelled> {

    private final OrderStatusChanges changes;

    OrderCancelledListener(OrderStatusChanges changes) {
        super(OrderCancelled.class);
        this.changes = changes;
    }

    @Override
    public void on(OrderCancelled event) {
        changes.apply(event.id(), OrderStatus.CANCELLED, event.version());
    }
}
