package dev.ticketing.tickets.ticket;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a ticket, each in one transaction with the event that announces it, so the
 * other services' copies follow exactly the changes that were committed.
 */
@Service
public class TicketService {

    static final String RESERVED = "Cannot edit a reserved ticket";
    static final String CHANGED_MEANWHILE = "Ticket was changed by someone else, reload and retry";

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final Tickets tickets;
    private final TicketOrders orders;
    private final Outbox outbox;

    TicketService(Tickets tickets, TicketOrders orders, Outbox outbox) {
        this.tickets = tickets;
        this.orders = orders;
        this.outbox = outbox;
    }

    @Transactional
    public Ticket create(UUID seller, String title, BigDecimal price) {
        Ticket ticket = tickets.insert(new Ticket(Ids.next(), title, money(price), seller, 0, null));
        outbox.publish(ticket.created());
        log.info("Ticket {} for sale by user {} at {}", ticket.id(), seller, ticket.price());
        return ticket;
    }

    @Transactional(readOnly = true)
    public Ticket find(UUID id) {
        return tickets.find(id).orElseThrow(ApiException::notFound);
    }

    @Transactional(readOnly = true)
    TicketPage forSale(TicketSearch search) {
        return tickets.forSale(search);
    }

    @Transactional(readOnly = true)
    public List<Listing> ofSeller(UUID seller) {
        return tickets.ofSeller(seller);
    }

    /**
     * The seller edits title and price. The write succeeds only if the ticket is still the
     * version read here, so of two concurrent edits one wins and the other is told to reload.
     */
    @Transactional
    public Ticket edit(UUID user, UUID id, String title, BigDecimal price) {
        Ticket current = find(id);
        if (!current.isOwnedBy(user)) {
            throw ApiException.notAuthorized();
        }
        if (current.isReserved()) {
            throw ApiException.badRequest(RESERVED);
        }
        Ticket edited = tickets.edit(id, current.version(), title, money(price))
                .orElseThrow(() -> lostRace(id));
        outbox.publish(edited.updated());
        log.info("Ticket {} edited by its seller, now version {}", id, edited.version());
        return edited;
    }

    /** The ticket changed between our read and our write; a reservation that came in gets its own answer. */
    private ApiException lostRace(UUID id) {
        boolean reservedMeanwhile = tickets.find(id).map(Ticket::isReserved).orElse(false);
        log.info("Edit of ticket {} lost a race ({})", id, reservedMeanwhile ? "reserved meanwhile" : "edited meanwhile");
        return reservedMeanwhile ? ApiException.badRequest(RESERVED) : ApiException.conflict(CHANGED_MEANWHILE);
    }

    /**
     * Orders announced that an order of this ticket was created, cancelled or completed. The ticket's
     * holder is then worked out from every order heard of so far (see {@link TicketOrders#holder}),
     * so it ends the same whatever the order in which the events came: an order cancelled before its
     * creation arrived reserves nothing, and the cancellation of an older order leaves the ticket
     * with the order that followed it. A change of holder is announced; a repeat changes nothing.
     */
    @Transactional
    public void orderChanged(UUID id, UUID orderId, OrderStatus status) {
        Optional<Ticket> locked = tickets.lock(id);
        if (locked.isEmpty()) {
            log.warn("Order {} ({}) names ticket {}, which does not exist here; ignored", orderId, status.value(), id);
            return;
        }
        if (!orders.record(id, orderId, status)) {
            log.info("Order {} of ticket {} as {} told nothing new", orderId, id, status.value());
            return;
        }
        Ticket ticket = locked.get();
        UUID holder = orders.holder(id).orElse(null);
        if (Objects.equals(holder, ticket.orderId())) {
            log.info("Order {} is {}; ticket {} stays {}", orderId, status.value(), id,
                    holder == null ? "for sale" : "with order " + holder);
            return;
        }
        Ticket changed = tickets.hold(id, holder);
        outbox.publish(changed.updated());
        if (holder == null) {
            log.info("Ticket {} for sale again: order {} is {}; now version {}", id, orderId, status.value(), changed.version());
        } else if (ticket.orderId() == null) {
            log.info("Ticket {} reserved by order {}, now version {}", id, holder, changed.version());
        } else {
            // two orders looked alive at once: the older one's cancellation has not arrived yet
            log.info("Ticket {} passes from order {} to order {}, now version {}", id, ticket.orderId(), holder,
                    changed.version());
        }
    }

    private static BigDecimal money(BigDecimal price) {
        // validation allowed at most two decimals, so this never rounds
        return price.setScale(2, RoundingMode.UNNECESSARY);
    }
}
