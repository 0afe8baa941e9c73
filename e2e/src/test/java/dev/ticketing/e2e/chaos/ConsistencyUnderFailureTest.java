package dev.ticketing.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Instance;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.Response;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Service;
import dev.ticketing.e2e.support.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system stays consistent when many buyers race for few tickets, when a service crashes
 * (kill -9 of every replica of it) in the middle of purchases, and when NATS goes away for a while:
 * afterwards every ticket is held by exactly the order the orders service considers active, every
 * paid order is complete and every charge of a cancelled order refunded.
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsistencyUnderFailureTest {

    private final RunningSystem system;
    private final Marketplace market;

    ConsistencyUnderFailureTest(RunningSystem system) {
        this.system = system;
        this.market = new Marketplace(system);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFlashSaleSellsEveryTicketToExactlyOneOfManyConcurrentBuyers() throws Exception {
        // given 10 tickets the orders service knows, and 200 signed-in buyers, 20 for each ticket
        // (with replicas, the orders are spread over every replica of orders)
        List<String> tickets = market.orderableTickets(10, "Flash sale");
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(market.mintedBuyer());
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
            query.setArray(2, orders.createArrayOf("text", Marketplace.ACTIVE.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    active.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        assertThat(active).isEqualTo(winners);
    }

    private record Attempt(String ticket, Response response) {
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aTicketsServiceKilledInTheMiddleOfPurchasesCatchesUpWithEveryOrder() throws Exception {
        // given purchases (pay, cancel or leave to expire) under way, when the tickets service crashes and is started again
        List<String> tickets = market.orderableTickets(24, "Crash");
        CrashRun run = purchasesAcrossACrashOf(Service.TICKETS, tickets, Duration.ofMillis(300), 4, 12);

        // then no purchase failed, and the services agree on who holds each ticket
        assertThat(run.purchases()).extracting(p -> p.order().status()).containsOnly(201);
        assertThat(run.purchases()).extracting(Marketplace.Purchase::next).doesNotContain(500, 502, 503, 504);
        assertThat(run.purchases()).filteredOn(p -> p.next() == 201).isNotEmpty();
        market.assertConsistentOnceSettled(tickets);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aPaymentsServiceKilledInTheMiddleOfPurchasesLosesNoPayment() throws Exception {
        // given purchases under way, when the payments service crashes (a payment answered 502 is tried again)
        // and is started again
        List<String> tickets = market.orderableTickets(36, "Payments crash");
        CrashRun run = purchasesAcrossACrashOf(Service.PAYMENTS, tickets.subList(0, 30), Duration.ofMillis(700), 4, 8);
        // and more purchases once it is back (with two replicas to start on a small machine, the restart may
        // take longer than the purchases above, about 20 s)
        List<Marketplace.Purchase> purchases = new ArrayList<>(run.purchases());
        purchases.addAll(market.startPurchases(tickets.subList(30, 36), Duration.ofMillis(300)).finish());

        // then every order was taken, payments went through again after the restart, and every payment
        // taken (before the crash too, its event still in the outbox then) completed its order
        assertThat(purchases).extracting(p -> p.order().status()).containsOnly(201);
        assertThat(purchases).extracting(Marketplace.Purchase::next).doesNotContain(500, 503);
        assertThat(purchases).filteredOn(p -> p.then().equals("pay") && p.started().isAfter(run.restarted()))
                .isNotEmpty().extracting(Marketplace.Purchase::next).containsOnly(201);
        market.assertConsistentOnceSettled(tickets);
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void anOrdersServiceKilledInTheMiddleOfPurchasesLosesNoOrder() throws Exception {
        // given purchases under way, when the orders service crashes (an order answered 502 is placed again)
        // and is started again
        List<String> tickets = market.orderableTickets(24, "Orders crash");
        CrashRun run = purchasesAcrossACrashOf(Service.ORDERS, tickets, Duration.ofMillis(300), 4, 12);

        // then every buyer got the ticket in the end, or was told it is reserved (by their own order, placed
        // as the service died, whose answer was lost), and the services agree on who holds each ticket
        assertThat(run.purchases()).extracting(Marketplace.Purchase::attempts).as("orders placed again after a 502").anyMatch(n -> n > 1);
        assertThat(run.purchases()).extracting(p -> p.order().status()).isSubsetOf(201, 400).contains(201);
        assertThat(run.purchases()).extracting(Marketplace.Purchase::next).doesNotContain(500, 503);
        market.assertConsistentOnceSettled(tickets);
    }

    /** Purchases of the tickets, with {@code service} (every replica of it) killed (SIGKILL) once {@code killAfter} have started and started again once {@code restartAfter} have. */
    private CrashRun purchasesAcrossACrashOf(Service service, List<String> tickets, Duration interval, int killAfter,
                                             int restartAfter) throws Exception {
        Marketplace.PurchaseStream stream = market.startPurchases(tickets, interval);
        stream.awaitStarted(killAfter);
        Map<Instance, Long> crashed = system.pids(service);
        assertThat(crashed).as("replicas of %s", service).hasSize(system.replicas());
        system.kill(service);
        assertThat(crashed).allSatisfy((instance, pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as("%s after kill -9", instance).isEmpty());
        stream.awaitStarted(restartAfter);
        system.start(service);
        Instant restarted = Instant.now();
        return new CrashRun(stream.finish(), restarted);
    }

    private record CrashRun(List<Marketplace.Purchase> purchases, Instant restarted) {
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void purchasesWhileNatsIsDownSettleOnceItIsBack() throws Exception {
        // given a stream of purchases under way
        List<String> tickets = market.orderableTickets(28, "Outage");
        Marketplace.PurchaseStream stream = market.startPurchases(tickets, Duration.ofMillis(600));
        stream.awaitStarted(4);

        // when NATS is stopped for ten seconds while purchases go on, then started again
        system.stopNats();
        try {
            Thread.sleep(10_000); // the outage itself, not a wait for something
        } finally {
            system.startNats();
        }
        List<Marketplace.Purchase> purchases = stream.finish();

        // then orders were taken throughout (the outbox keeps their events), and everything settles
        assertThat(purchases).extracting(p -> p.order().status()).containsOnly(201);
        assertThat(purchases).extracting(Marketplace.Purchase::next).doesNotContain(500, 502, 503, 504);
        assertThat(purchases).filteredOn(p -> p.next() == 201).isNotEmpty();
        market.assertConsistentOnceSettled(tickets);
    }
}
