package dev.ticketing.tickets.events;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.tickets.ticket.TicketService;
import org.springframework.stereotype.Component;

/** An order was cancelled (by its buyer or by expiry): it no longer holds its ticket. */
@Component
class OrderCancelledListener extends Listener<OrderCancelled> {

    private final TicketService tickets;

    OrderCancelledListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void on(OrderCancelled event) {
        tickets.orderChanged(event.ticket().id(), event.id(), OrderStatus.CANCELLED);
    }
}
