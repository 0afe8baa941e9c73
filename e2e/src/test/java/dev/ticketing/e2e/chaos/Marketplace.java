package dev.ticketing.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.e2e.support.Api;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the chaos tests do to the running system and check of it: tickets put on sale, buyers
 * with minted sessions, streams of purchases, and the consistency check.
 */
final class Marketplace {

    static final List<String> ACTIVE = List.of("created", "awaiting:payment", "complete");

    /**
     * How long the services may take to agree once the purchases are over: an event a killed
     * process had been handed and not acknowledged comes back only after the consumers' ack wait
     * (30 s, NatsProperties), then goes to a replica that runs.
     */
    static final Duration CONVERGENCE = Duration.ofSeconds(45);

    private final RunningSystem system;
    private final Api api;

    Marketplace(RunningSystem system) {
        this.system = system;
        this.api = system.api();
    }

    // ------------------------------------------------------------------ the consistency check

    /**
     * Waits (up to {@link #CONVERGENCE}) until, for every ticket, the tickets service's {@code order_id}
     * is the id of the one order the orders service holds active for it (or both are empty), and
     * the money is right for every order of those tickets: a complete order has one charge and no
     * refund; every charge of a cancelled order is refunded (and nothing refunded is complete); no
     * payment is left unfinished or unsettled.
     */
    void assertConsistentOnceSettled(Collection<String> tickets) {
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
            assertThat(heldBy).as("each ticket's order_id (tickets service) against its active order (orders service)")
                    .containsExactlyInAnyOrderEntriesOf(activeOrder);
            assertMoneyIsRight(statuses);
        });
    }

    /** One row of payments' {@code payments} table: a charge once {@code stripe_id} is set, refunded once {@code refund_id} is. */
    record Payment(String orderId, String stripeId, String refundId) {

        boolean charged() {
            return stripeId != null;
        }

        boolean refunded() {
            return refundId != null;
        }
    }

    /** Every payment row (at most one per order: a unique key) of these orders, by order id. */
    Map<String, Payment> payments(Collection<String> orderIds) throws SQLException {
        Map<String, Payment> payments = new HashMap<>();
        try (Connection db = system.connect(Service.PAYMENTS)) {
            query(db, "SELECT order_id::text, stripe_id, refund_id FROM payments WHERE order_id = ANY(?::uuid[])",
                    orderIds, rows -> payments.put(rows.getString(1),
                            new Payment(rows.getString(1), rows.getString(2), rows.getString(3))));
        }
        return payments;
    }

    /**
     * Against payments' database, for orders of the given statuses (orders service): a complete
     * order has one charge and no refund; every charge of a cancelled order is refunded; no refunded
     * payment belongs to a complete order; no payment is left unfinished (a row whose charge never
     * got an outcome) once things settled; an order neither complete nor cancelled has no charge.
     */
    void assertMoneyIsRight(Map<String, String> statuses) throws SQLException {
        Map<String, Payment> payments = payments(statuses.keySet());
        statuses.forEach((order, status) -> {
            Payment payment = payments.get(order);
            switch (status) {
                case "complete" -> assertThat(payment).as("the payment of complete order %s", order)
                        .isNotNull().matches(Payment::charged, "charged").matches(p -> !p.refunded(), "not refunded");
                case "cancelled" -> {
                    if (payment != null) {
                        assertThat(payment).as("the payment of cancelled order %s: every charge refunded", order)
                                .matches(Payment::charged, "charged (not left unfinished)")
                                .matches(Payment::refunded, "refunded");
                    }
                }
                default -> assertThat(payment == null || !payment.charged())
                        .as("order %s, %s, has no charge: %s", order, status, payment).isTrue();
            }
        });
        assertThat(payments.keySet()).as("payments of orders the orders service knows").isSubsetOf(statuses.keySet());
    }

    interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    static void query(Connection db, String sql, Collection<String> ids, Row row) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }

    /** The status of each of these orders in the orders service's database. */
    Map<String, String> orderStatuses(Collection<String> orderIds) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (Connection db = system.connect(Service.ORDERS)) {
            query(db, "SELECT id::text, status FROM orders WHERE id = ANY(?::uuid[])", orderIds,
                    rows -> statuses.put(rows.getString(1), rows.getString(2)));
        }
        return statuses;
    }

    /** Waits until the payments service has heard of every one of these orders (its replica of them). */
    void awaitPaymentsKnow(Collection<String> orderIds) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            List<String> known = new ArrayList<>();
            try (Connection db = system.connect(Service.PAYMENTS)) {
                query(db, "SELECT id::text FROM orders WHERE id = ANY(?::uuid[])", orderIds,
                        rows -> known.add(rows.getString(1)));
            }
            return known.size() == orderIds.size();
        });
    }

    // ------------------------------------------------------------------ purchases

    /** One buyer's purchase: the order placed, then a payment (pay), a cancellation, or nothing (left to expire). */
    record Purchase(Instant started, String ticket, int attempts, Response order, String then, int next,
                    int badGateways) {
    }

    /**
     * Purchases of the given tickets, one started every {@code interval}, each by a new buyer: every
     * third is paid, every third cancelled, the rest left to expire. An order answered 502 (the orders
     * service down) is placed again for up to a minute, and so is a cancellation. A payment is retried
     * while the payments service does not know the order yet (404) or is down (502, the gateway's
     * answer), as a buyer would, but not in the last 3 s before the order expires (a payment racing
     * its expiry is not what these tests are about). Every 502 answer is counted.
     */
    PurchaseStream startPurchases(List<String> tickets, Duration interval) {
        return new PurchaseStream(tickets, interval);
    }

    final class PurchaseStream {

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
            AtomicInteger badGateways = new AtomicInteger();
            User buyer = mintedBuyer();
            Instant stopTrying = start.plusSeconds(60);
            int[] attempts = {0};
            Response order = retryOn502(() -> {
                attempts[0]++;
                return buyer.placeOrder(ticket);
            }, 200, stopTrying, badGateways);
            if (order.status() != 201) {
                return new Purchase(start, ticket, attempts[0], order, "none", 0, badGateways.get());
            }
            Order placed = order.as(Order.class);
            if (kind == 1) {
                Response cancel = retryOn502(() -> buyer.cancel(placed.id()), 200, stopTrying, badGateways);
                return new Purchase(start, ticket, attempts[0], order, "cancel", cancel.status(), badGateways.get());
            }
            if (kind == 2) {
                return new Purchase(start, ticket, attempts[0], order, "expire", 0, badGateways.get());
            }
            Instant giveUp = placed.expiresAt().minusSeconds(3);
            Response payment = buyer.payment(placed.id(), "tok_visa");
            while ((payment.status() == 404 || payment.status() == 502) && Instant.now().isBefore(giveUp)) {
                if (payment.status() == 502) {
                    badGateways.incrementAndGet();
                }
                Thread.sleep(100);
                payment = buyer.payment(placed.id(), "tok_visa");
            }
            if (payment.status() == 502) {
                badGateways.incrementAndGet();
            }
            return new Purchase(start, ticket, attempts[0], order, "pay", payment.status(), badGateways.get());
        }

        private static Response retryOn502(Supplier<Response> call, long pauseMillis, Instant stopTrying,
                                           AtomicInteger badGateways) throws InterruptedException {
            Response response = call.get();
            while (response.status() == 502 && Instant.now().isBefore(stopTrying)) {
                badGateways.incrementAndGet();
                Thread.sleep(pauseMillis);
                response = call.get();
            }
            if (response.status() == 502) {
                badGateways.incrementAndGet();
            }
            return response;
        }
    }

    // ------------------------------------------------------------------ set-up helpers

    /** Tickets put on sale by a new seller, returned once the orders service knows them all. */
    List<String> orderableTickets(int count, String title) throws SQLException {
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

    /** Places an order for each ticket, each by a new buyer, all at once; returns the buyer of each order by order id. */
    Map<Order, User> placeOrders(List<String> tickets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tickets.size(), 10));
        try {
            List<Future<Map.Entry<Order, User>>> placed = new ArrayList<>();
            for (String ticket : tickets) {
                placed.add(pool.submit(() -> {
                    User buyer = mintedBuyer();
                    return Map.entry(buyer.placeOrder(ticket).expect(201).as(Order.class), buyer);
                }));
            }
            Map<Order, User> orders = new LinkedHashMap<>();
            for (Future<Map.Entry<Order, User>> order : placed) {
                Map.Entry<Order, User> entry = order.get(60, TimeUnit.SECONDS);
                orders.put(entry.getKey(), entry.getValue());
            }
            return orders;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A buyer with a session token signed with the system's key, as auth would issue it: no sign-up needed. */
    User mintedBuyer() {
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
