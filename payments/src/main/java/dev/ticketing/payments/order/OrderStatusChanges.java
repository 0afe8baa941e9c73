package dev.ticketing.payments.order;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.ReplicaVersion;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Applies an order's change of status to the replica by the {@link ReplicaVersion} rule. */
@Component
public class OrderStatusChanges {

    private final Orders orders;

    OrderStatusChanges(Orders orders) {
        this.orders = orders;
    }

    public void apply(UUID orderId, OrderStatus status, long version) {
        if (ReplicaVersion.check("order " + orderId, orders.lockVersion(orderId), version) == ReplicaVersion.APPLY) {
            orders.changeStatus(orderId, status, version);
        }
    }
}
