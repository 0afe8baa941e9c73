package dev.ticketing.tickets.ticket;

import dev.ticketing.common.events.OrderStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orders each ticket has heard of and where each stands: created, then cancelled or complete.
 * Those two are final (orders never moves an order out of them), so a late or repeated event
 * cannot bring an order back.
 */
@Repository
class TicketOrders {

    private final JdbcClient jdbc;

    TicketOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what was heard of the order; false when it tells nothing new. */
    boolean record(UUID ticketId, UUID orderId, OrderStatus status) {
        return jdbc.sql("""
                        INSERT INTO ticket_orders (ticket_id, order_id, status) VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, changed_at = now()
                        WHERE ticket_orders.status = 'created' AND excluded.status <> 'created'""")
                .params(ticketId, orderId, status.value())
                .update() == 1;
    }

    /**
     * The order that holds the ticket: the one not cancelled. Orders allows one at a time, but while
     * an older order's cancellation is still on its way two can look alive here; then a paid one
     * wins, else the newer (ids are time-ordered), whose creation proves the older one was cancelled.
     */
    Optional<UUID> holder(UUID ticketId) {
        return jdbc.sql("""
                        SELECT order_id FROM ticket_orders
                        WHERE ticket_id = ? AND status <> 'cancelled'
                        ORDER BY status = 'complete' DESC, order_id DESC
                        LIMIT 1""")
                .param(ticketId)
                .query(UUID.class)
                .optional();
    }
}
