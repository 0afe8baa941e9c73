package dev.ticketing.payments.order;

import dev.ticketing.common.events.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order replica, fed by the orders service's events. */
@Repository
public class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("SELECT id, user_id, price, status, expires_at, version FROM orders WHERE id = ?")
                .param(id)
                .query(Orders::order)
                .optional();
    }

    /**
     * Reads the order and locks it against a change of status until the transaction ends: a
     * cancellation waits for what is done under this lock, or this waits for the cancellation.
     * Everything that locks an order and its payment locks the order first.
     */
    public Optional<Order> lock(UUID id) {
        return jdbc.sql("SELECT id, user_id, price, status, expires_at, version FROM orders WHERE id = ? FOR SHARE")
                .param(id)
                .query(Orders::order)
                .optional();
    }

    /** Adds the order unless it is already known; returns whether it was new. */
    public boolean insert(Order order) {
        return jdbc.sql("""
                INSERT INTO orders (id, user_id, price, status, expires_at, version)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""")
                .params(order.id(), order.userId(), order.price(), order.status().value(),
                        Timestamp.from(order.expiresAt()), order.version())
                .update() == 1;
    }

    /**
     * The replica's version of the order (empty when the order is not in it), locked until the
     * transaction ends so that nothing changes the order between a version check and its update.
     */
    public Optional<Long> lockVersion(UUID id) {
        return jdbc.sql("SELECT version FROM orders WHERE id = ? FOR NO KEY UPDATE").param(id).query(Long.class).optional();
    }

    public void changeStatus(UUID id, OrderStatus status, long version) {
        jdbc.sql("UPDATE orders SET status = ?, version = ? WHERE id = ?")
                .params(status.value(), version, id)
                .update();
    }

    private static Order order(ResultSet row, int n) throws SQLException {
        return new Order(
                row.getObject("id", UUID.class),
                row.getObject("user_id", UUID.class),
                row.getBigDecimal("price"),
                OrderStatus.fromValue(row.getString("status")),
                row.getTimestamp("expires_at").toInstant(),
                row.getLong("version"));
    }
}
