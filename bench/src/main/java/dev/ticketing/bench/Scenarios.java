package dev.ticketing.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * What the Java driver still does through the gateway: the preparation of the Gatling simulations
 * (tickets for sale, waiting until orders knows them, a warm-up), tracing's rounds of orders, P3 and
 * P4. P1, P1b and P2 are Gatling simulations (bench/src/test/java).
 */
final class Scenarios {

    record Throughput(int requests, double seconds, Latencies latencies, int errors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /**
     * The system's CPU (services and servers) for orders placed in sampled traces and for as many in
     * unsampled ones, each round from its first request until the system was quiet again after its
     * last answer (its events handled).
     */
    record TracingCost(int sampledOrders, Duration sampledCpu, int unsampledOrders, Duration unsampledCpu) {
        double sampledMillisPerOrder() {
            return sampledCpu.toNanos() / 1e6 / sampledOrders;
        }

        double unsampledMillisPerOrder() {
            return unsampledCpu.toNanos() / 1e6 / unsampledOrders;
        }

        double millisPerOrder() {
            return sampledMillisPerOrder() - unsampledMillisPerOrder();
        }
    }

    private final Api api;
    private final Tokens tokens;

    Scenarios(Api api, Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /**
     * Creates {@code count} tickets with {@code clients} sellers in parallel and returns their ids once
     * orderable. One more is created last and ordered as the probe that tells they have all reached orders.
     */
    List<String> ticketsForSale(int count, int clients) {
        String seller = tokens.forNewUser();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        parallel(count, clients, i -> {
            Api.Reply reply = api.createTicket(seller, "Bench ticket " + i, "25.00");
            if (reply.created()) {
                ids.add(reply.id());
            }
        });
        Api.Reply probe = api.createTicket(seller, "Bench probe", "25.00");
        if (probe.created()) {
            awaitOrderable(probe.id());
        }
        return new ArrayList<>(ids);
    }

    /**
     * Waits until the tickets service shows {@code ticket} reserved: the events of the orders placed
     * before it have then been handled, and the next scenario starts on a quiet system.
     */
    void awaitReserved(String ticket) {
        String viewer = tokens.forNewUser();
        Instant giveUp = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(giveUp)) {
            Api.Reply reply = api.getTicket(viewer, ticket);
            if (reply.status() == 200 && reply.body().hasNonNull("orderId")) {
                return;
            }
            pause(50);
        }
        throw new IllegalStateException("ticket " + ticket + " never showed its order");
    }

    /** The warm-up: each of {@code clients} buyers places orders for distinct tickets, as fast as they are answered. */
    Throughput orderPlacement(List<String> tickets, int clients) {
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            buyers.add(tokens.forNewUser());
        }
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        parallel(tickets.size(), clients, i -> {
            long t0 = System.nanoTime();
            Api.Reply reply = api.order(buyers.get(i % clients), tickets.get(i));
            latencies.add(System.nanoTime() - t0);
            if (!reply.created()) {
                errors.incrementAndGet();
            }
        });
        return new Throughput(tickets.size(), (System.nanoTime() - start) / 1e9, latencies, errors.get());
    }

    /**
     * Tracing's rounds: like the warm-up (a closed loop of {@code clients} buyers), each order inside a
     * trace of its own that the client started, {@code sampled} or not: every service continues the
     * caller's decision (parent-based sampling), through the events too. Returns the orders created.
     */
    int orderPlacementInTraces(List<String> tickets, int clients, boolean sampled) {
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            buyers.add(tokens.forNewUser());
        }
        AtomicInteger placed = new AtomicInteger();
        parallel(tickets.size(), clients, i -> {
            String traceParent = "00-" + randomHex(16) + "-" + randomHex(8) + (sampled ? "-01" : "-00");
            if (api.order(buyers.get(i % clients), tickets.get(i), traceParent).created()) {
                placed.incrementAndGet();
            }
        });
        return placed.get();
    }

    /** P3: from a ticket's creation answered to the first accepted order for it. */
    Latencies propagation(int samples) {
        String seller = tokens.forNewUser();
        String buyer = tokens.forNewUser();
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            Api.Reply ticket = api.createTicket(seller, "Propagation " + i, "10.00");
            long created = System.nanoTime();
            if (!ticket.created()) {
                continue;
            }
            while (api.order(buyer, ticket.id()).status() == 404) {
                pause(1);
            }
            latencies.add(System.nanoTime() - created);
        }
        return latencies;
    }

    /** P4: from an order's {@code expiresAt} to the moment it is seen cancelled, polling every {@code pollMillis}. */
    Latencies expiryLateness(List<String> tickets, int pollMillis) {
        String buyer = tokens.forNewUser();
        Map<String, Instant> expiring = new ConcurrentHashMap<>();
        for (String ticket : tickets) {
            Api.Reply order = api.order(buyer, ticket);
            if (order.created()) {
                expiring.put(order.id(), Instant.parse(order.body().get("expiresAt").asString()));
            }
        }
        Latencies lateness = new Latencies();
        Instant giveUp = Instant.now().plusSeconds(120);
        while (!expiring.isEmpty() && Instant.now().isBefore(giveUp)) {
            for (Map.Entry<String, Instant> order : List.copyOf(expiring.entrySet())) {
                if (Instant.now().isBefore(order.getValue())) {
                    continue;
                }
                Api.Reply reply = api.getOrder(buyer, order.getKey());
                if (reply.status() == 200 && "cancelled".equals(reply.body().get("status").asString())) {
                    Instant seen = Instant.now();
                    lateness.add(Math.max(0, java.time.Duration.between(order.getValue(), seen).toNanos()));
                    expiring.remove(order.getKey());
                }
            }
            pause(pollMillis);
        }
        return lateness;
    }

    private void awaitOrderable(String ticket) {
        String probe = tokens.forNewUser();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (api.order(probe, ticket).status() == 404 && Instant.now().isBefore(giveUp)) {
            pause(20);
        }
    }

    private static void parallel(int tasks, int threads, IntConsumer task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                awaitQuietly(ready);
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            });
        }
        ready.countDown();
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
