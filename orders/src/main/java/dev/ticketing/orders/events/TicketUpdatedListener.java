package dev.ticketing.orders.events;

import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.messaging.EventListener;
import dev.ticketing.common.messaging.NotYetException;
import dev.ticketing.orders.ticket.Tickets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A ticket changed: applied only on top of the version just before it, so that versions apply in
 * order; an older one is a repeat, a newer one waits for those before it.
 */
@Component
class TicketUpdatedListener extends EventListener<TicketUpdated> {

    private static final Logger log = LoggerFactory.getLogger(TicketUpdatedListener.class);

    private final Tickets tickets;

    TicketUpdatedListener(Tickets tickets) {
        super(TicketUpdated.class);
        this.tickets = tickets;
    }

    @Override
    public void on(TicketUpdated event) {
        if (tickets.applyNextVersion(event.id(), event.version(), event.title(), event.price())) {
            log.debug("Ticket {} now at version {}", event.id(), event.version());
            return;
        }
        Optional<Long> current = tickets.version(event.id());
        if (current.isEmpty()) {
            throw new NotYetException("ticket " + event.id() + " not in the replica yet");
        }
        if (current.get() >= event.version()) {
            log.debug("Ticket {} version {} already applied (replica at {})", event.id(), event.version(), current.get());
            return;
        }
        throw new NotYetException("ticket " + event.id() + " at version " + current.get()
                + ", got " + event.version());
    }
}
