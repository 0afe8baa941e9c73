package dev.ticketing.bench;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the benchmark scenarios against a running system, in the two phases {@code bench/run}
 * drives: {@code phase=expiry} (P4, on a system whose orders expire after a few seconds) saves
 * its figures in the {@code results} file; {@code phase=load} (the idle CPU, P1, tracing's CPU per
 * order, P1b, the pgbench floor, P2, P3 and the memory half of P5, on a system whose orders do not
 * expire during the run, so no expiry traffic mixes into the figures) adds its own and writes
 * BENCHMARKS.md and results.json.
 * P1, P1b and P2 are Gatling simulations run through its Maven plugin ({@link GatlingRun}); this
 * driver prepares them (tickets for sale, feeder files of buyers' tokens and tickets), and places
 * the orders of tracing's rounds itself (a small closed loop, the same for sampled and unsampled).
 * Arguments are {@code name=value}: phase, gateway, jwtKey, ordersDb, dbSuffix, pids (the launcher's
 * pid folder), repo, results, out, json, upSeconds, firstUpSeconds, machine; and, to try the
 * benchmark on a small scale, idleSeconds (20), warmUp (500), p1Orders (4000), p1bRate (150),
 * p1bSeconds (60), tracingOrders (500), pgbenchSeconds (15), p2Buyers (2000), p2Tickets (100), p2Users (200),
 * p3Samples (200).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Tokens tokens = new Tokens(arg.get("jwtKey"));
        Scenarios scenarios = new Scenarios(new Api(arg.get("gateway")), tokens);
        Path resultsFile = Path.of(arg.get("results"));
        switch (arg.get("phase")) {
            case "expiry" -> {
                log("P4: expiry lateness, 50 orders");
                Latencies p4 = scenarios.expiryLateness(scenarios.ticketsForSale(50, 8), 20);
                Properties results = new Properties();
                results.setProperty("p4.p50", String.valueOf(p4.percentileMillis(50)));
                results.setProperty("p4.p99", String.valueOf(p4.percentileMillis(99)));
                results.setProperty("p4.count", String.valueOf(p4.count()));
                try (Writer out = Files.newBufferedWriter(resultsFile)) {
                    results.store(out, "bench phase expiry");
                }
            }
            case "load" -> load(arg, scenarios, tokens, resultsFile);
            default -> throw new IllegalArgumentException("phase must be expiry or load");
        }
    }

    private static void load(Map<String, String> arg, Scenarios scenarios, Tokens tokens, Path resultsFile) throws Exception {
        Processes processes = new Processes(Path.of(arg.get("pids")), arg.get("dbSuffix"));
        Commits commits = new Commits(arg.get("dbSuffix"));
        GatlingRun gatling = new GatlingRun(Path.of(arg.getOrDefault("repo", "")).toAbsolutePath());
        Path feeders = Path.of(arg.getOrDefault("repo", "")).toAbsolutePath().resolve("bench/target/feeders");
        Map<String, Long> rssAtReady = processes.residentMiB();

        int idleSeconds = number(arg, "idleSeconds", 20);
        log("idle: the system's CPU over " + idleSeconds + " s without load (after 5 s to settle)");
        Thread.sleep(5_000);
        Map<String, Duration> idleBefore = processes.cpu();
        long idleCommitsBefore = commits.now();
        Thread.sleep(idleSeconds * 1000L);
        Report.Idle idle = new Report.Idle(idleSeconds, Processes.used(idleBefore, processes.cpu()),
                commits.now() - idleCommitsBefore);
        log(String.format("idle: %.1f ms of CPU per second", idle.systemMillisPerSecond()));

        int warmUpOrders = number(arg, "warmUp", 500);
        log("warm-up: " + warmUpOrders + " tickets created and ordered");
        List<String> warmUp = scenarios.ticketsForSale(warmUpOrders, 32);
        scenarios.orderPlacement(warmUp, 32);
        scenarios.awaitReserved(warmUp.get(warmUp.size() - 1));

        int p1Orders = number(arg, "p1Orders", 4000);
        int clients = 32;
        log("P1 preparation: " + p1Orders + " tickets for sale, " + clients + " buyers");
        List<String> p1Tickets = scenarios.ticketsForSale(p1Orders, 32);
        Map<String, String> p1Params = params(arg, Feeders.write(feeders.resolve("p1.csv"),
                Feeders.buyers(tokens, clients), p1Tickets, p1Tickets.size()), p1Tickets.size());
        p1Params.put("clients", String.valueOf(clients));
        log("P1: order placement, closed loop, " + clients + " clients, " + p1Tickets.size() + " orders (Gatling)");
        Recording.Seen p1 = gatling.run("OrderPlacementSimulation", "p1", p1Params);
        log(String.format("P1: %.0f orders/s, p99 %.1f ms, %d not created", p1.perSecond(), p1.p99(),
                p1.requests() - p1.count(201)));
        settle(scenarios, p1Tickets.get(p1Tickets.size() - 1));
        Report.Settled p1Settled = untilQuiet(processes, commits, p1, idle);
        log(String.format("P1: quiet again %.0f s after the last answer", p1Settled.seconds()));

        Scenarios.TracingCost tracing = tracingCost(arg, scenarios, processes, commits, idle);

        double rate = number(arg, "p1bRate", 150);
        int seconds = number(arg, "p1bSeconds", 60);
        int p1bOrders = (int) Math.ceil(rate * (seconds + 1)); // a second to spare: the feeder must not run dry
        log("P1b preparation: " + p1bOrders + " tickets for sale, a buyer for each");
        List<String> p1bTickets = scenarios.ticketsForSale(p1bOrders, 32);
        Map<String, String> p1bParams = params(arg, Feeders.write(feeders.resolve("p1b.csv"),
                Feeders.buyers(tokens, p1bTickets.size()), p1bTickets, p1bTickets.size()), p1bTickets.size());
        p1bParams.put("rate", String.valueOf(rate));
        p1bParams.put("seconds", String.valueOf(seconds));
        log("P1b: open loop, " + rate + " orders/s for " + seconds + " s (Gatling)");
        Recording.Seen p1b = gatling.run("OpenLoopSimulation", "p1b", p1bParams);
        log(String.format("P1b: p99 %.1f ms from the scheduled send, %d not created", p1b.scheduledP99(),
                p1b.requests() - p1b.count(201)));
        if (p1b.requests() > 0) { // the feeder has a second to spare: its rows are taken in order
            settle(scenarios, p1bTickets.get(Math.min(p1b.requests(), p1bTickets.size()) - 1));
        }

        int pgbenchSeconds = number(arg, "pgbenchSeconds", 15);
        log("floor: pgbench, the orders reservation transaction, 32 clients, " + pgbenchSeconds + " s");
        Pgbench pgbench = new Pgbench(arg.get("ordersDb"));
        pgbench.prepare(32);
        Duration beforePgbench = Processes.machineBusy();
        Pgbench.Result baseline = pgbench.run(32, pgbenchSeconds);
        Duration pgbenchCpu = Processes.machineBusy().minus(beforePgbench);

        int buyers = number(arg, "p2Buyers", 2000);
        int saleTicketCount = number(arg, "p2Tickets", 100);
        int users = number(arg, "p2Users", 200);
        log("P2 preparation: " + saleTicketCount + " tickets for sale, " + buyers + " buyers");
        List<String> saleTickets = scenarios.ticketsForSale(saleTicketCount, 32);
        Map<String, String> p2Params = params(arg, Feeders.write(feeders.resolve("p2.csv"),
                Feeders.buyers(tokens, buyers), saleTickets, buyers), buyers);
        p2Params.put("users", String.valueOf(users));
        log("P2: flash sale, " + buyers + " buyers for " + saleTickets.size() + " tickets, " + users + " at once (Gatling)");
        Recording.Seen p2 = gatling.run("FlashSaleSimulation", "p2", p2Params);
        log(String.format("P2: %d won, %d refused, %d 5xx in %.2f s", p2.count(201), p2.between(400, 500),
                p2.between(500, 600), p2.seconds()));
        settle(scenarios, saleTickets.get(saleTickets.size() - 1));

        int p3Samples = number(arg, "p3Samples", 200);
        log("P3: event propagation, " + p3Samples + " tickets");
        Latencies p3 = scenarios.propagation(p3Samples);

        Properties p4 = new Properties();
        try (Reader in = Files.newBufferedReader(resultsFile)) {
            p4.load(in);
        }
        Report report = new Report(arg, idle, p1, p1Settled, baseline, pgbenchCpu, p1b, rate, seconds, p2, saleTickets.size(),
                p3, p4, tracing, rssAtReady, processes.residentMiB());
        Files.writeString(Path.of(arg.get("out")), report.render());
        log("wrote " + arg.get("out"));
        if (arg.containsKey("json")) {
            Results.write(Path.of(arg.get("json")), report.figures());
            log("wrote " + arg.get("json"));
        }
    }

    /**
     * Waits until the last ticket a scenario ordered shows its order, so the next starts on a quiet
     * system; if that order failed, it never will, and the run goes on (the failure is in the figures).
     */
    private static void settle(Scenarios scenarios, String lastTicket) {
        try {
            scenarios.awaitReserved(lastTicket);
        } catch (IllegalStateException e) {
            log("going on: " + e.getMessage() + " (its order may have failed)");
        }
    }

    /**
     * Waits until the system has handled the events of a scenario's orders, which goes on after the
     * last answer: at least 11 s (PostgreSQL's backends report their commits up to 10 s late when they
     * go idle), then until two seconds in a row commit no more than twice the idle rate (at most 60 s).
     * Returns the system's CPU and commits from the start of the scenario's injection until then.
     */
    private static Report.Settled untilQuiet(Processes processes, Commits commits, Recording.Seen run, Report.Idle idle)
            throws InterruptedException {
        return untilQuiet(processes, commits, run.cpuBefore(), run.commitsBefore(), run.endedEpochMillis(), idle);
    }

    /**
     * The same for load that began when the system's CPU was {@code cpuBefore} and its commits
     * {@code commitsBefore}, and whose last answer came at {@code endedEpochMillis}.
     */
    private static Report.Settled untilQuiet(Processes processes, Commits commits, Map<String, Duration> cpuBefore,
                                             long commitsBefore, long endedEpochMillis, Report.Idle idle)
            throws InterruptedException {
        long start = System.nanoTime();
        double quiet = 2.0 * idle.commits() / idle.seconds() + 2;
        Thread.sleep(11_000);
        long last = commits.now();
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() - start < 60_000_000_000L) {
            Thread.sleep(1000);
            long now = commits.now();
            quietSeconds = now - last <= quiet ? quietSeconds + 1 : 0;
            last = now;
        }
        Map<String, Duration> used = Processes.used(cpuBefore, processes.cpu());
        double afterLastAnswer = (System.currentTimeMillis() - endedEpochMillis) / 1000.0;
        return new Report.Settled(used, commits.now() - commitsBefore, afterLastAnswer);
    }

    /** The parameters every simulation needs, for a feeder of {@code orders} rows. */
    private static Map<String, String> params(Map<String, String> arg, Path feeder, int orders) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("gateway", arg.get("gateway"));
        params.put("pids", arg.get("pids"));
        params.put("dbSuffix", arg.get("dbSuffix"));
        params.put("feeder", feeder.toAbsolutePath().toString());
        params.put("orders", String.valueOf(orders));
        return params;
    }

    private static int number(Map<String, String> arg, String name, int otherwise) {
        return arg.containsKey(name) ? Integer.parseInt(arg.get(name)) : otherwise;
    }

    /**
     * Tracing's CPU per order, on the same running system: orders whose client trace is sampled
     * against orders whose trace is not, which every service then records nothing of (parent-based
     * sampling, across the events too). Rounds of {@code tracingOrders} (500) in the order unsampled,
     * sampled, sampled, unsampled, so that a drift during the phase weighs on both alike. Each round
     * counts the system's CPU (services and servers) from its first order until the system is quiet
     * again, as P1 does, so that the events handled after the last answer, and whatever tracing does
     * with their spans then, are in it.
     */
    private static Scenarios.TracingCost tracingCost(Map<String, String> arg, Scenarios scenarios, Processes processes,
                                                     Commits commits, Report.Idle idle) throws InterruptedException {
        int perRound = number(arg, "tracingOrders", 500);
        log("tracing cost: 4 rounds of " + perRound + " orders, in unsampled and sampled traces (Java driver, 32 clients)");
        int[] orders = new int[2];
        Duration[] cpu = {Duration.ZERO, Duration.ZERO};
        for (boolean sampled : new boolean[] {false, true, true, false}) {
            List<String> tickets = scenarios.ticketsForSale(perRound, 32);
            Map<String, Duration> cpuBefore = processes.cpu();
            long commitsBefore = commits.now();
            int placed = scenarios.orderPlacementInTraces(tickets, 32, sampled);
            long ended = System.currentTimeMillis();
            settle(scenarios, tickets.get(tickets.size() - 1));
            Report.Settled round = untilQuiet(processes, commits, cpuBefore, commitsBefore, ended, idle);
            int mode = sampled ? 1 : 0;
            orders[mode] += placed;
            cpu[mode] = cpu[mode].plus(Processes.system(round.used()));
            log(String.format("tracing cost: %d orders %s, %.2f ms of the system's CPU per order (quiet again %.0f s"
                            + " after the last answer)", placed, sampled ? "sampled" : "unsampled",
                    Processes.system(round.used()).toNanos() / 1e6 / placed, round.seconds()));
        }
        return new Scenarios.TracingCost(orders[1], cpu[1], orders[0], cpu[0]);
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }
}
