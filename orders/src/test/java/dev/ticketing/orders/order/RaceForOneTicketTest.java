package dev.ticketing.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RaceForOneTicketTest extends OrdersIntegrationTest {

    private static final int BUYERS = 30;

    @Autowired DataSource dataSource;

    @Test
    void thirtyBuyersRacingForOneTicketLeaveExactlyOneWinner() throws Exception {
        UUID ticket = givenTicket();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        List<Future<Reply>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < BUYERS; i++) {
                UUID buyer = UUID.randomUUID();
                attempts.add(pool.submit(() -> {
                    start.await();
                    return post("/api/orders", orderFor(ticket), buyer);
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> attempt : attempts) {
                replies.add(attempt.get(60, TimeUnit.SECONDS));
            }

            assertThat(replies).extracting(Reply::status).allMatch(s -> s < 500);
            assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
            List<Reply> losers = replies.stream().filter(r -> r.status() != 201).toList();
            assertThat(losers).hasSize(BUYERS - 1).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.message()).isEqualTo("Ticket is already reserved");
            });
            UUID winner = idOf(replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body());
            assertThat(jdbc.sql("""
                            SELECT id FROM orders
                            WHERE ticket_id = ? AND status IN ('created', 'awaiting:payment', 'complete')""")
                    .param(ticket).query(UUID.class).list()).containsExactly(winner);
            assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE ticket_id = ?").param(ticket)
                    .query(Long.class).single()).isOne();
            assertThat(probe.after(Duration.ofSeconds(1), OrderCreated.class, e -> e.ticket().id().equals(ticket)))
                    .extracting(OrderCreated::id).containsExactly(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The loser's check saw no order (the winner had not committed yet), so only the unique index
     * stops it: that must still be a 400, not a 500.
     */
    @Test
    void aBuyerWhoseCheckPassedBeforeTheWinnerCommittedIsRefusedByTheIndex() throws Exception {
        UUID ticket = givenTicket();
        UUID winner = UUID.randomUUID();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection competing = dataSource.getConnection()) {
            competing.setAutoCommit(false);
            try (PreparedStatement insert = competing.prepareStatement("""
                    INSERT INTO orders (id, user_id, status, expires_at, version,
                                        ticket_id, ticket_title, ticket_price, ticket_version)
                    VALUES (?, ?, 'created', now() + interval '1 minute', 0, ?, 'Concert', 20.00, 0)""")) {
                insert.setObject(1, winner);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, ticket);
                insert.executeUpdate();
            }
            Future<Reply> loser = pool.submit(() -> post("/api/orders", orderFor(ticket), UUID.randomUUID()));
            await().atMost(PATIENCE).until(this::someoneWaitsForALock);

            competing.commit();

            Reply reply = loser.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.message()).isEqualTo("Ticket is already reserved");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT id FROM orders WHERE ticket_id = ?").param(ticket).query(UUID.class).list())
                .containsExactly(winner);
        assertThat(probe.after(Duration.ofMillis(500), OrderCreated.class, e -> e.ticket().id().equals(ticket)))
                .isEmpty();
    }

    private boolean someoneWaitsForALock() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                        WHERE NOT l.granted AND d.datname = current_database()""")
                .query(Long.class).single() > 0
                || jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                .query(Long.class).single() > 0;
    }
}
