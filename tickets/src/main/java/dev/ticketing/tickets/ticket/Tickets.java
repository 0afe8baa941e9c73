package dev.ticketing.tickets.ticket;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tickets table. Every change is one conditional UPDATE that bumps the version and returns
 * the row as it now is, or nothing when its condition no longer holds (someone else got there first).
 */
@Repository
class Tickets {

    private static final String COLUMNS = "id, title, price, user_id, version, order_id";

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Ticket insert(Ticket ticket) {
        jdbc.sql("INSERT INTO tickets (id, title, price, user_id, version) VALUES (?, ?, ?, ?, ?)")
                .params(ticket.id(), ticket.title(), ticket.price(), ticket.userId(), ticket.version())
                .update();
        return ticket;
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ?")
                .param(id)
                .query(Ticket.class)
                .optional();
    }

    /** Tickets nobody has reserved, newest first. */
    List<Ticket> forSale(int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE order_id IS NULL"
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(Ticket.class)
                .list();
    }

    /** Locks the ticket's row until the transaction ends, so reservations and releases of one ticket take turns. */
    void lock(UUID id) {
        jdbc.sql("SELECT id FROM tickets WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
    }

    void recordCancellation(UUID orderId, UUID ticketId) {
        jdbc.sql("INSERT INTO cancelled_orders (order_id, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(orderId, ticketId)
                .update();
    }

    boolean wasCancelled(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM cancelled_orders WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single() > 0;
    }

    /** Changes title and price, if the ticket is still at {@code version} and not reserved. */
    Optional<Ticket> edit(UUID id, long version, String title, BigDecimal price) {
        return jdbc.sql("UPDATE tickets SET title = ?, price = ?, version = version + 1"
                        + " WHERE id = ? AND version = ? AND order_id IS NULL RETURNING " + COLUMNS)
                .params(title, price, id, version)
                .query(Ticket.class)
                .optional();
    }

    /** Reserves the ticket for {@code orderId}, if nobody holds it. */
    Optional<Ticket> reserve(UUID id, UUID orderId) {
        return jdbc.sql("UPDATE tickets SET order_id = ?, version = version + 1"
                        + " WHERE id = ? AND order_id IS NULL RETURNING " + COLUMNS)
                .params(orderId, id)
                .query(Ticket.class)
                .optional();
    }

    /** Releases the ticket, if {@code orderId} is the order holding it. */
    Optional<Ticket> release(UUID id, UUID orderId) {
        return jdbc.sql("UPDATE tickets SET order_id = NULL, version = version + 1"
                        + " WHERE id = ? AND order_id = ? RETURNING " + COLUMNS)
                .params(id, orderId)
                .query(Ticket.class)
                .optional();
    }
}
