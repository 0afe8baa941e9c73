package dev.ticketing.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.e2e.support.Api;
import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.Response;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Service;
import dev.ticketing.e2e.support.User;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system stays consistent when many buyers race for few tickets, when a service crashes
 * (kill -9) in the middle of purchases, and when NATS goes away for a while: afterwards every
 * ticket is held by exactly the order the orders service considers active, and every paid order
 * is complete.
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsistencyUnderFailureTest {

    private static final List<String> ACTIVE = List.of("created", "awaiting:payment", "complete");
    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    private final RunningSystem system;
    private final Api api;

    ConsistencyUnderFailureTest(RunningSystem system) {
        this.system = system;
        this.api = system.api();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFlashSaleSellsEveryTicketToExactlyOneOfManyConcurrentBuyers() throws Exception {
        // given 10 tickets the orders service knows, and 200 signed-in buyers, 20 for each ticket
        List<String> tickets = orderableTickets(10, "Flash sale");
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(mintedBuyer());
        }

        // when they all order at once
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Attempt>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < buyers.size(); i++) {
                User buyer = buyers.get(i);
                String ticket = tickets.get(i % tickets.size());
                futures.add(pool.submit(() -> {
                    go.await();
                    return new Attempt(ticket, buyer.placeOrder(ticket));
                }));
            }
            go.countDown();
        } finally {
            pool.shutdown();
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Future<Attempt> future : futures) {
            attempts.add(future.get(60, TimeUnit.SECONDS));
        }

        // then each ticket has one winner, every other buyer is told it is reserved, nobody gets a 5xx
        assertThat(attempts).extracting(a -> a.response().status()).doesNotContain(500, 502, 503, 504)
                .containsOnly(201, 400);
        Map<String, List<String>> winners = attempts.stream().filter(a -> a.response().status() == 201)
                .collect(Collectors.groupingBy(Attempt::ticket,
                        Collectors.mapping(a -> a.response().as(Order.class).id(), Collectors.toList())));
        assertThat(winners).containsOnlyKeys(tickets);
        assertThat(winners.values()).allSatisfy(orders -> assertThat(orders).hasSize(1));
        assertThat(attempts).filteredOn(a -> a.response().status() == 400)
                .hasSize(buyers.size() - tickets.size())
                .allSatisfy(a -> assertThat(a.response().errorMessages()).containsExactly("Ticket is already reserved"));

        // and the orders database holds exactly those orders as the active ones
        Map<String, List<String>> active = new HashMap<>();
        try (Connection orders = system.connect(Service.ORDERS);
                PreparedStatement query = orders.prepareStatement(
                        "SELECT ticket_id::text, id::text FROM orders WHERE ticket_id = ANY(?::uuid[]) AND status = ANY(?)")) {
            query.setArray(1, orders.createArrayOf("text", tickets.toArray()));
            query.setArray(2, orders.createArrayOf("text", ACTIVE.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    active.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        assertThat(active).isEqualTo(winners);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aTicketsServiceKilledInTheMiddleOfPurchasesCatchesUpWithEveryOrder() throws Exception {
        // given purchases (pay, cancel or leave to expire) under way, when the tickets service crashes and is started again
        List<String> tickets = orderableTickets(24, "Crash");
        CrashRun run = purchasesAcrossACrashOf(Service.TICKETS, tickets, Duration.ofMillis(300), 4, 12);

        // then no purchase failed, and the services agree on who holds each ticket
        assertThat(run.purchases()).extracting(p -> p.order().status()).containsOnly(201);
        assertThat(run.purchases()).extracting(Purchase::next).doesNotContain(500, 502, 503, 504);
        assertThat(run.purchases()).filteredOn(p -> p.next() == 201).isNotEmpty();
        assertConsistentOnceSettled(tickets);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aPaymentsServiceKilledInTheMiddleOfPurchasesLosesNoPayment() throws Exception {
        // given purchases under way, when the payments service crashes (a payment answered 502 is tried again)
        // and is started again
        List<String> tickets = orderableTickets(30, "Payments crash");
        CrashRun run = purchasesAcrossACrashOf(Service.PAYMENTS, tickets, Duration.ofMillis(700), 4, 8);

        // then every order was taken, payments went through again after the restart, and every payment
        // taken (before the crash too, its event still in the outbox then) completed its order
        assertThat(run.purchases()).extracting(p -> p.order().status()).containsOnly(201);
        assertThat(run.purchases()).extracting(Purchase::next).doesNotContain(500, 503);
        assertThat(run.purchases()).filteredOn(p -> p.then().equals("pay") && p.started().isAfter(run.restarted()))
                .isNotEmpty().extracting(Purchase::next).containsOnly(201);
        assertConsistentOnceSettled(tickets);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void anOrdersServiceKilledInTheMiddleOfPurchasesLosesNoOrder() throws Exception {
        // given purchases under way, when the orders service crashes (an order answered 502 is placed again)
        // and is started again
        List<String> tickets = orderableTickets(24, "Orders crash");
        CrashRun run = purchasesAcrossACrashOf(Service.ORDERS, tickets, Duration.ofMillis(300), 4, 12);

        // then every buyer got the ticket in the end, or was told it is reserved (by their own order, placed
        // as the service died, whose answer was lost), and the services agree on who holds each ticket
        assertThat(run.purchases()).extracting(Purchase::attempts).as("orders placed again after a 502").anyMatch(n -> n > 1);
        assertThat(run.purchases()).extracting(p -> p.order().status()).isSubsetOf(201, 400).contains(201);
        assertThat(run.purchases()).extracting(Purchase::next).doesNotContain(500, 503);
        assertConsistentOnceSettled(tickets);
    }

    /** Purchases of the tickets, with {@code service} killed (SIGKILL) once {@code killAfter} have started and started again once {@code restartAfter} have. */
    private CrashRun purchasesAcrossACrashOf(Service service, List<String> tickets, Duration interval, int killAfter,
                                             int restartAfter) throws Exception {
        PurchaseStream stream = startPurchases(tickets, interval);
        stream.awaitStarted(killAfter);
        long crashed = system.pid(service).orElseThrow();
        system.kill(service);
        assertThat(ProcessHandle.of(crashed).filter(ProcessHandle::isAlive)).as("%s after kill -9", service).isEmpty();
        stream.awaitStarted(restartAfter);
        system.start(service);
        Instant restarted = Instant.now();
        return new CrashRun(stream.finish(), restarted);
    }

    private record CrashRun(List<Purchase> purchases, Instant restarted) {
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void purchasesWhileNatsIsDownSettleOnceItIsBack() throws Exception {
        // given a stream of purchases under way
        List<String> tickets = orderableTickets(28, "Outage");
        PurchaseStream stream = startPurchases(tickets, Duration.ofMillis(600));
        stream.awaitStarted(4);

        // when NATS is stopped for ten seconds while purchases go on, then started again
        system.stopNats();
        try {
            Thread.sleep(10_000); // the outage itself, not a wait for something
        } finally {
            system.startNats();
        }
        List<Purchase> purchases = stream.finish();

        // then orders were taken throughout (the outbox keeps their events), and everything settles
        assertThat(purchases).extracting(p -> p.order().status()).containsOnly(201);
        assertThat(purchases).extracting(Purchase::next).doesNotContain(500, 502, 503, 504);
        assertThat(purchases).filteredOn(p -> p.next() == 201).isNotEmpty();
        assertConsistentOnceSettled(tickets);
    }

    // ------------------------------------------------------------------ the consistency check

    /**
     * Waits (up to 30 s) until, for every ticket, the tickets service's {@code order_id} is the id
     * of the one order the orders service holds active for it (or both are empty), every order the
     * payments service took money for is complete, and every one it refunded is cancelled.
     */
    private void assertConsistentOnceSettled(Collection<String> tickets) {
        await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            Map<String, String> heldBy = new LinkedHashMap<>();
            Map<String, String> activeOrder = new LinkedHashMap<>();
            tickets.forEach(t -> activeOrder.put(t, null));
            Map<String, String> statuses = new HashMap<>();
            try (Connection db = system.connect(Service.TICKETS)) {
                query(db, "SELECT id::text, order_id::text FROM tickets WHERE id = ANY(?::uuid[])", tickets,
                        rows -> heldBy.put(rows.getString(1), rows.getString(2)));
            }
            try (Connection db = system.connect(Service.ORDERS)) {
                query(db, "SELECT id::text, ticket_id::text, status FROM orders WHERE ticket_id = ANY(?::uuid[])",
                        tickets, rows -> {
                            statuses.put(rows.getString(1), rows.getString(3));
                            if (ACTIVE.contains(rows.getString(3))) {
                                String other = activeOrder.put(rows.getString(2), rows.getString(1));
                                assertThat(other).as("a second active order for ticket %s", rows.getString(2)).isNull();
                            }
                        });
            }
            List<String> paid = new ArrayList<>();
            List<String> refunded = new ArrayList<>();
            try (Connection db = system.connect(Service.PAYMENTS)) {
                query(db, "SELECT order_id::text, refund_id IS NOT NULL FROM payments WHERE order_id = ANY(?::uuid[])",
                        statuses.keySet(), rows -> (rows.getBoolean(2) ? refunded : paid).add(rows.getString(1)));
            }
            assertThat(heldBy).as("each ticket's order_id (tickets service) against its active order (orders service)")
                    .containsExactlyInAnyOrderEntriesOf(activeOrder);
            assertThat(paid).as("paid orders").allSatisfy(order ->
                    assertThat(statuses.get(order)).as("status of paid order %s", order).isEqualTo("complete"));
            assertThat(refunded).as("refunded orders").allSatisfy(order ->
                    assertThat(statuses.get(order)).as("status of refunded order %s", order).isEqualTo("cancelled"));
        });
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(Connection db, String sql, Collection<String> ids, Row row) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }

    // ------------------------------------------------------------------ purchases

    private record Attempt(String ticket, Response response) {
    }

    /** One buyer's purchase: the order placed, then a payment (pay), a cancellation, or nothing (left to expire). */
    private record Purchase(Instant started, String ticket, int attempts, Response order, String then, int next) {
    }

    /**
     * Purchases of the given tickets, one started every {@code interval}, each by a new buyer: every
     * third is paid, every third cancelled, the rest left to expire. An order answered 502 (the orders
     * service down) is placed again for up to a minute. A payment is retried while the
     * payments service does not know the order yet (404) or is down (502, the gateway's answer), as
     * a buyer would, but not in the last 3 s before the order expires (a payment racing its expiry
     * is not what these tests are about).
     */
    private PurchaseStream startPurchases(List<String> tickets, Duration interval) {
        return new PurchaseStream(tickets, interval);
    }

    private final class PurchaseStream {

        private final ScheduledExecutorService pool;
        private final List<Future<Purchase>> purchases = new ArrayList<>();
        private final AtomicInteger started = new AtomicInteger();

        PurchaseStream(List<String> tickets, Duration interval) {
            this.pool = Executors.newScheduledThreadPool(tickets.size());
            for (int i = 0; i < tickets.size(); i++) {
                String ticket = tickets.get(i);
                int kind = i % 3;
                purchases.add(pool.schedule(() -> purchase(ticket, kind), interval.toMillis() * i, TimeUnit.MILLISECONDS));
            }
            pool.shutdown();
        }

        void awaitStarted(int count) {
            await().atMost(Duration.ofSeconds(60)).until(() -> started.get() >= count || pool.isTerminated());
        }

        List<Purchase> finish() throws Exception {
            List<Purchase> done = new ArrayList<>();
            for (Future<Purchase> purchase : purchases) {
                done.add(purchase.get(90, TimeUnit.SECONDS));
            }
            return done;
        }

        private Purchase purchase(String ticket, int kind) throws InterruptedException {
            started.incrementAndGet();
            Instant start = Instant.now();
            User buyer = mintedBuyer();
            Response order = buyer.placeOrder(ticket);
            int attempts = 1;
            Instant stopTrying = start.plusSeconds(60);
            while (order.status() == 502 && Instant.now().isBefore(stopTrying)) {
                Thread.sleep(200);
                order = buyer.placeOrder(ticket);
                attempts++;
            }
            if (order.status() != 201) {
                return new Purchase(start, ticket, attempts, order, "none", 0);
            }
            Order placed = order.as(Order.class);
            if (kind == 1) {
                return new Purchase(start, ticket, attempts, order, "cancel", buyer.cancel(placed.id()).status());
            }
            if (kind == 2) {
                return new Purchase(start, ticket, attempts, order, "expire", 0);
            }
            Instant giveUp = placed.expiresAt().minusSeconds(3);
            Response payment = buyer.payment(placed.id(), "tok_visa");
            while ((payment.status() == 404 || payment.status() == 502) && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
                payment = buyer.payment(placed.id(), "tok_visa");
            }
            return new Purchase(start, ticket, attempts, order, "pay", payment.status());
        }
    }

    // ------------------------------------------------------------------ set-up helpers

    /** Tickets put on sale by a new seller, returned once the orders service knows them all. */
    private List<String> orderableTickets(int count, String title) throws SQLException {
        User seller = api.signUp();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(seller.createTicket(title + " " + i + " " + Instant.now(), "20.00").id());
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            List<String> known = new ArrayList<>();
            try (Connection db = system.connect(Service.ORDERS)) {
                query(db, "SELECT id::text FROM tickets WHERE id = ANY(?::uuid[])", ids, rows -> known.add(rows.getString(1)));
            }
            return known.size() == ids.size();
        });
        return ids;
    }

    /** A buyer with a session token signed with the system's key, as auth would issue it: no sign-up needed. */
    private User mintedBuyer() {
        String id = UUID.randomUUID().toString();
        String email = "buyer-" + id + "@e2e.test";
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64(("{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"iat\":" + now + ",\"exp\":"
                + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(system.jwtKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = base64(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            return api.withSession(id, email, header + "." + payload + "." + signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
