package dev.ticketing.orders.events;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.orders.ticket.Ticket;
import dev.ticketing.orders.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A new ticket is for sale: add it to the replica (once, however often the event comes). */
@Component
class TicketCreatedListener extends Listener<TicketCreated> {

    private static final Logger log = LoggerFactory.getLogger(TicketCreatedListener.class);

    private final Tickets tickets;

    TicketCreatedListener(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public void on(TicketCreated event) {
        if (tickets.insertIfAbsent(new Ticket(event.id(), event.title(), event.price(), event.userId(), event.version()))) {
            log.info("Ticket {} added to the replica", event.id());
        } else {
            log.debug("Ticket {} was already in the replica", event.id());
        }
    }
}
