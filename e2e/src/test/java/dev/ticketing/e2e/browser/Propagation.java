package dev.ticketing.e2e.browser;

import static org.awaitility.Awaitility.await;

import dev.ticketing.e2e.support.Api;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Waits until an event has reached the service a page is about to call: the orders service learns
 * of a new ticket, and the payments service of a new order, a moment after the fact. A person would
 * just try again; a test waits for it first so that the first click is the one that counts.
 */
final class Propagation {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private final RunningSystem system;

    Propagation(RunningSystem system) {
        this.system = system;
    }

    /** Until the orders service has heard of the ticket (ticket.created), so Purchase finds it. */
    void ticketKnownToOrders(String ticketId) {
        awaitRow(Service.ORDERS, "tickets", ticketId);
    }

    /** Until the payments service has heard of the order (order.created), so paying finds it. */
    void orderKnownToPayments(String orderId) {
        awaitRow(Service.PAYMENTS, "orders", orderId);
    }

    /** Until the tickets service has heard that an order holds the ticket (order.created). */
    void ticketReserved(Api api, String ticketId) {
        await("the tickets service to show ticket " + ticketId + " reserved")
                .atMost(WITHIN).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO)
                .until(() -> api.ticket(ticketId).reserved());
    }

    private void awaitRow(Service service, String table, String id) {
        UUID key = UUID.fromString(id);
        await("the " + service.id() + " service to know " + table + " " + id)
                .atMost(WITHIN).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO)
                // a PostgreSQL shared with other work may turn a connection away for a moment ("too many clients")
                .ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> exists(service, table, key));
    }

    private boolean exists(Service service, String table, UUID id) throws SQLException {
        try (Connection connection = system.connect(service);
                PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
