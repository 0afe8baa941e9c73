package dev.ticketing.payments.order;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.NotYetException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies a status change to the order replica by the version rule: only onto the version just
 * before it; one already applied (or older) is ignored; one that skips ahead, or names an order
 * not seen yet, is not ready and comes back later.
 */
@Component
public class OrderStatusChanges {

    private final Orders orders;

    OrderStatusChanges(Orders orders) {
        this.orders = orders;
    }

    public void apply(UUID orderId, OrderStatus status, long version) {
        if (orders.changeStatus(orderId, status, version)) {
            return;
        }
        long current = orders.version(orderId)
                .orElseThrow(() -> new NotYetException("order " + orderId + " is not known yet"));
        if (current < version - 1) {
            throw new NotYetException("order " + orderId + " is at version " + current + ", event is " + version);
        }
    }
}
