package dev.ticketing.tickets.events;

import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.tickets.ticket.TicketService;
import org.springframework.stereotype.Component;

/** An order was placed: it holds its ticket until it is cancelled. */
@Component
class OrderCreatedListener extends Listener<OrderCreated> {

    private final TicketService tickets;

    OrderCreatedListener(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void on(OrderCreated event) {
        tickets.orderChanged(event.ticket().id(), event.id(), OrderStatus.CREATED);
    }
}
