package dev.ticketing.tickets.events;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.messaging.EventListener;
import dev.ticketing.tickets.ticket.TicketService;
import org.springframework.stereotype.Component;

/** An order was cancelled (by its buyer or by expiry): if it held its ticket, the ticket is for sale again. */
@Component
class OrderCancelledListener extends EventListener<OrderCancelled> {

    private final TicketService tickets;

    OrderCancelledListener(TicketService tickets) {
        super(OrderCancelled.class);
        this.tickets = tickets;
    }

    @Override
    public void on(OrderCancelled event) {
        tickets.release(event.ticket().id(), event.id());
    }
}
