package dev.ticketing.tickets.events;

import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.tickets.ticket.TicketService;
import org.springframework.stereotype.Component;

/** An order was paid: its ticket is sold to it for good. */
@Component
class OrderCompletedListener extends Listener<OrderCompleted> {

    private final TicketService tickets;

    OrderCompletedListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void on(OrderCompleted event) {
        tickets.orderChanged(event.ticket().id(), event.id(), OrderStatus.COMPLETE);
    }
}
