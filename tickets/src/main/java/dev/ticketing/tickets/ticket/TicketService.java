package dev.ticketing.tickets.ticket;

import dev.ticketing.common.Ids;
import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
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
    private final Outbox outbox;

    TicketService(Tickets tickets, Outbox outbox) {
        this.tickets = tickets;
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
    public List<Ticket> forSale(int limit, long offset) {
        return tickets.forSale(limit, offset);
    }

    /**
     * The seller edits title and price. The write succeeds only if the ticket is still the
     * version read here, so of two concurrent edits one wins and the other is told to reload.
     */
    @Transactional
    public Ticket edit(UUID id, UUID user, String title, BigDecimal price) {
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
     * An order holds the ticket. Applying it again changes nothing; a ticket another order already
     * holds keeps its reservation (the orders service's unique index makes that impossible in
     * practice); an order already seen cancelled (its events came out of order) reserves nothing.
     */
    @Transactional
    public void reserve(UUID id, UUID orderId) {
        tickets.lock(id);
        if (tickets.wasCancelled(orderId)) {
            log.info("Order {} was cancelled before it reached ticket {}; the ticket stays for sale", orderId, id);
            return;
        }
        tickets.reserve(id, orderId).ifPresentOrElse(reserved -> {
            outbox.publish(reserved.updated());
            log.info("Ticket {} reserved by order {}, now version {}", id, orderId, reserved.version());
        }, () -> tickets.find(id).ifPresentOrElse(ticket -> {
            if (orderId.equals(ticket.orderId())) {
                log.info("Ticket {} is already reserved by order {}", id, orderId);
            } else {
                log.warn("Ticket {} is reserved by order {}; order {} does not get it", id, ticket.orderId(), orderId);
            }
        }, () -> log.warn("Order {} names ticket {}, which does not exist here; ignored", orderId, id)));
    }

    /**
     * The order was cancelled (by its buyer or by expiry): if it holds the ticket, the ticket is for
     * sale again. Any other order's cancellation changes nothing. The cancellation is remembered, and
     * the ticket locked, so a late order.created of the same order cannot reserve it afterwards.
     */
    @Transactional
    public void release(UUID id, UUID orderId) {
        tickets.lock(id);
        tickets.recordCancellation(orderId, id);
        tickets.release(id, orderId).ifPresentOrElse(released -> {
            outbox.publish(released.updated());
            log.info("Ticket {} released by cancelled order {}, now version {}", id, orderId, released.version());
        }, () -> log.info("Cancelled order {} does not hold ticket {}; nothing to release", orderId, id));
    }

    private static BigDecimal money(BigDecimal price) {
        // validation allowed at most two decimals, so this never rounds
        return price.setScale(2, RoundingMode.UNNECESSARY);
    }
}
