package dev.ticketing.orders.order;

import dev.ticketing.common.events.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders, each with the ticket as it was when the order was placed. */
@Repository
class Orders {

    private static final String SELECT = """
            SELECT id, status, user_id, expires_at, version, ticket_id, ticket_title, ticket_price, ticket_version
            FROM orders
            """;

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a unique violation when another order already holds the ticket. */
    /**
     * Inserts the order unless an active order holds its ticket already: the partial unique index
     * decides, in the one statement, also between buyers racing for the ticket. False if it held.
     */
    boolean insertUnlessReserved(Order order) {
        return jdbc.sql("""
                        INSERT INTO orders (id, user_id, status, expires_at, version,
                                            ticket_id, ticket_title, ticket_price, ticket_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (ticket_id) WHERE status IN ('created', 'awaiting:payment', 'complete') DO NOTHING""")
                .params(order.id(), order.userId(), order.status().value(),
                        OffsetDateTime.ofInstant(order.expiresAt(), ZoneOffset.UTC), order.version(),
                        order.ticket().id(), order.ticket().title(), order.ticket().price(), order.ticket().version())
                .update() == 1;
    }

    Optional<Order> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(Orders::order).optional();
    }

    /** The order, locked until the transaction ends, so that changes of its status happen one at a time. */
    Optional<Order> lock(UUID id) {
        return jdbc.sql(SELECT + "WHERE id = ? FOR UPDATE").param(id).query(Orders::order).optional();
    }

    /** A buyer's orders, oldest first. */
    List<Order> ofBuyer(UUID buyer) {
        return jdbc.sql(SELECT + "WHERE user_id = ? ORDER BY created_at, id")
                .param(buyer)
                .query(Orders::order)
                .list();
    }

    /** Sets the status, bumps the version and returns the new version. */
    long changeStatus(UUID id, OrderStatus status) {
        return jdbc.sql("UPDATE orders SET status = ?, version = version + 1 WHERE id = ? RETURNING version")
                .params(status.value(), id)
                .query(Long.class)
                .single();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getObject("id", UUID.class),
                OrderStatus.fromValue(rs.getString("status")),
                rs.getObject("user_id", UUID.class),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"),
                new Order.Ticket(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_title"),
                        rs.getBigDecimal("ticket_price"), rs.getLong("ticket_version")));
    }
}
