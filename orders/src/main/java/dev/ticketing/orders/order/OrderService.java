package dev.ticketing.orders.order;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.events.TicketRef;
import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.common.web.ApiException;
import dev.ticketing.orders.ticket.Ticket;
import dev.ticketing.orders.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to orders: placed by a buyer, cancelled by the buyer or by expiry, completed by a
 * payment. Each change and the event announcing it commit together (outbox).
 */
@Service
@Transactional
public class OrderService {

    static final String OWN_TICKET = "You cannot buy your own ticket";
    static final String ALREADY_RESERVED = "Ticket is already reserved";
    static final String CANNOT_CANCEL_COMPLETED = "Cannot cancel a completed order";

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final Orders orders;
    private final Tickets tickets;
    private final Outbox outbox;
    private final Clock clock;
    private final OrderProperties properties;

    OrderService(Orders orders, Tickets tickets, Outbox outbox, Clock clock, OrderProperties properties) {
        this.orders = orders;
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    Order place(UUID buyer, UUID ticketId) {
        Ticket ticket = tickets.find(ticketId).orElseThrow(ApiException::notFound);
        if (ticket.userId().equals(buyer)) {
            throw ApiException.badRequest(OWN_TICKET);
        }
        Instant expiresAt = clock.instant().plus(properties.expiration()).truncatedTo(ChronoUnit.MILLIS);
        // the ticket as read here is what the order shows and what payments charges, whatever edits follow
        Order order = new Order(Ids.next(), OrderStatus.CREATED, buyer, expiresAt, 0,
                new Order.Ticket(ticket.id(), ticket.title(), ticket.price(), ticket.version()));
        if (!orders.insertUnlessReserved(order)) {
            throw ApiException.badRequest(ALREADY_RESERVED);
        }
        outbox.publish(new OrderCreated(order.id(), order.version(), order.status(), buyer, expiresAt,
                new OrderCreated.Ticket(ticketId, order.ticket().price())));
        log.info("Order {} placed by {} for ticket {} at {}, held until {}", order.id(), buyer, ticketId,
                order.ticket().price(), expiresAt);
        return order;
    }

    @Transactional(readOnly = true)
    List<Order> ofBuyer(UUID buyer) {
        return orders.ofBuyer(buyer);
    }

    @Transactional(readOnly = true)
    Order get(UUID buyer, UUID id) {
        Order order = orders.find(id).orElseThrow(ApiException::notFound);
        if (!order.userId().equals(buyer)) {
            throw ApiException.notAuthorized();
        }
        return order;
    }

    /** The buyer gives the ticket back; cancelling a cancelled order again changes nothing. */
    void cancel(UUID buyer, UUID id) {
        Order order = orders.lock(id).orElseThrow(ApiException::notFound);
        if (!order.userId().equals(buyer)) {
            throw ApiException.notAuthorized();
        }
        switch (order.status()) {
            case COMPLETE -> throw ApiException.badRequest(CANNOT_CANCEL_COMPLETED);
            case CANCELLED -> log.debug("Order {} was already cancelled", id);
            default -> {
                cancelNow(order);
                log.info("Order {} cancelled by its buyer", id);
            }
        }
    }

    /** The hold is over: the order is cancelled unless it was paid or cancelled meanwhile. */
    public void expire(UUID id) {
        Optional<Order> found = orders.lock(id);
        if (found.isEmpty()) {
            log.warn("Expiration of order {}, which this service does not know: ignored", id);
            return;
        }
        Order order = found.get();
        if (order.status() == OrderStatus.COMPLETE || order.status() == OrderStatus.CANCELLED) {
            log.debug("Expiration of order {} ignored: it is {}", id, order.status().value());
            return;
        }
        cancelNow(order);
        log.info("Order {} expired and was cancelled", id);
    }

    /** A payment went through: the order is complete. */
    public void complete(UUID id, UUID paymentId) {
        // payments only charges orders it heard of from this service, so an unknown one is a fault: retried, then parked
        Order order = orders.lock(id).orElseThrow(
                () -> new IllegalStateException("Payment " + paymentId + " for unknown order " + id));
        switch (order.status()) {
            case COMPLETE -> log.debug("Order {} was already complete", id);
            case CANCELLED ->
                    // the hold ended while the charge was in flight; the ticket may be someone else's now
                    log.warn("Payment {} arrived for order {}, which is cancelled: order left cancelled; payments "
                            + "refunds it if the cancellation reached payments after the charge began (its log says"
                            + " 'refunded'), otherwise it needs a refund by hand", paymentId, id);
            default -> {
                long version = orders.changeStatus(id, OrderStatus.COMPLETE);
                outbox.publish(new OrderCompleted(id, version, new TicketRef(order.ticket().id())));
                log.info("Order {} completed by payment {}", id, paymentId);
            }
        }
    }

    private void cancelNow(Order order) {
        long version = orders.changeStatus(order.id(), OrderStatus.CANCELLED);
        outbox.publish(new OrderCancelled(order.id(), version, new TicketRef(order.ticket().id())));
    }
}
