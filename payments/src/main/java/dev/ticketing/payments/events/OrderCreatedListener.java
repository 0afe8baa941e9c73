package dev.ticketing.payments.events;

import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.payments.order.Order;
import dev.ticketing.payments.order.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A new order can be paid for: keep a copy of its buyer, price, status and hold time. */
@Component
class OrderCreatedListener extends Listener<OrderCreated> {

    private static final Logger log = LoggerFactory.getLogger(OrderCreatedListener.class);

    private final Orders orders;

    OrderCreatedListener(Orders orders) {
        this.orders = orders;
    }

    @Override
    public void on(OrderCreated event) {
        if (orders.insert(new Order(event.id(), event.userId(), event.ticket().price(), event.status(),
                event.expiresAt(), event.version()))) {
            log.info("Order {} can be paid until {}: {}", event.id(), event.expiresAt(), event.ticket().price());
        } else {
            log.debug("Order {} was already known", event.id());
        }
    }
}
