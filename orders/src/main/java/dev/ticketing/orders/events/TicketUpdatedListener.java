package dev.ticketing.orders.events;

import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.messaging.Listener;
import dev.ticketing.common.messaging.ReplicaVersion;
import dev.ticketing.orders.ticket.Tickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** A ticket changed: the replica takes the change by the {@link ReplicaVersion} rule. */
@Component
class TicketUpdatedListener extends Listener<TicketUpdated> {

    private static final Logger log = LoggerFactory.getLogger(TicketUpdatedListener.class);

    private final Tickets tickets;

    TicketUpdatedListener(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public void on(TicketUpdated event) {
        if (ReplicaVersion.check("ticket " + event.id(), tickets.lockVersion(event.id()), event.version())
                == ReplicaVersion.DUPLICATE) {
            log.debug("Ticket {} version {} already applied", event.id(), event.version());
            return;
        }
        tickets.update(event.id(), event.version(), event.title(), event.price());
        log.debug("Ticket {} now at version {}", event.id(), event.version());
    }
}
