package dev.ticketing.expiration;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The expiration service against the real PostgreSQL and NATS, in one Spring context shared by
 * every test class that extends this (its own database, stream and subjects for the run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ExpirationIntegrationTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "expiration");
    }

    protected static EventProbe probe;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeAll
    static void connect() {
        probe = EventProbe.forThisRun(JsonMapper.shared());
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    /** An order.created as the orders service publishes it; times on the wire have millisecond precision. */
    protected static OrderCreated orderCreated(UUID orderId, Instant expiresAt) {
        return new OrderCreated(orderId, 0, OrderStatus.CREATED, UUID.randomUUID(), expiresAt.truncatedTo(ChronoUnit.MILLIS),
                new OrderCreated.Ticket(UUID.randomUUID(), new BigDecimal("20.00")));
    }

    protected static List<ExpirationComplete> expirationsOf(UUID orderId) {
        return probe.all(ExpirationComplete.class).stream().filter(e -> orderId.equals(e.orderId())).toList();
    }

    protected static ExpirationComplete awaitExpirationOf(UUID orderId, Duration timeout) {
        return probe.await(ExpirationComplete.class, e -> orderId.equals(e.orderId()), 1, timeout).get(0);
    }

    /** The expiration recorded for the order: when it was due, when it fired, and which scheduler fired it. */
    protected static Optional<Fired> fired(JdbcClient jdbc, UUID orderId) {
        return jdbc.sql("SELECT expires_at, fired_at, fired_by FROM fired_expirations WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> new Fired(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .optional();
    }

    protected Optional<Fired> fired(UUID orderId) {
        return fired(jdbc, orderId);
    }

    protected static Optional<Instant> heldUntil(JdbcClient jdbc, UUID orderId) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'order-hold' AND task_instance = ?")
                .param(orderId.toString())
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    protected Optional<Instant> heldUntil(UUID orderId) {
        return heldUntil(jdbc, orderId);
    }

    protected record Fired(Instant expiresAt, Instant firedAt, String firedBy) {

        Duration lateness() {
            return Duration.between(expiresAt, firedAt);
        }

        /** Prints the lateness, so a run's output shows how late holds fire. */
        Fired print(String what) {
            System.out.printf("LATENESS %s: expiration recorded %d ms after expiresAt (by %s)%n",
                    what, lateness().toMillis(), firedBy);
            return this;
        }
    }
}
