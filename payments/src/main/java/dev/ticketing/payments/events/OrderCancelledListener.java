package dev.ticketing.payments.events;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.EventListener;
import dev.ticketing.payments.payment.Refunds;
import org.springframework.stereotype.Component;

/** A cancelled order can no longer be paid for; money already taken for it is given back. */
@Component
class OrderCancelledListener extends EventListener<OrderCancelled> {

    private final OrderStatusChanges changes;
    private final Refunds refunds;

    OrderCancelledListener(OrderStatusChanges changes, Refunds refunds) {
        super(OrderCancelled.class);
        this.changes = changes;
        this.refunds = refunds;
    }

    @Override
    public void on(OrderCancelled event) {
        changes.apply(event.id(), OrderStatus.CANCELLED, event.version());
        refunds.refundIfPaid(event.id());
    }
}
