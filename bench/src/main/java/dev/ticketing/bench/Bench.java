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
 * its figures in the {@code results} file; {@code phase=load} (P1, P2, P3 and the memory half of
 * P5, on a system whose orders do not expire during the run, so no expiry traffic mixes into the
 * figures) adds its own, and tracing's cost, and writes BENCHMARKS.md.
 * Arguments are {@code name=value}: phase, gateway, jwtKey, ordersDb, pids (the launcher's pid
 * folder), results, out, upSeconds, firstUpSeconds, machine.
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
        Scenarios scenarios = new Scenarios(new Api(arg.get("gateway")), new Tokens(arg.get("jwtKey")));
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
            case "load" -> load(arg, scenarios, resultsFile);
            default -> throw new IllegalArgumentException("phase must be expiry or load");
        }
    }

    private static void load(Map<String, String> arg, Scenarios scenarios, Path resultsFile) throws Exception {
        Processes processes = new Processes(Path.of(arg.get("pids")));
        Map<String, Long> rssAtReady = processes.residentMiB();

        log("warm-up: 500 tickets created and ordered");
        List<String> warmUp = scenarios.ticketsForSale(500, 32);
        scenarios.orderPlacement(warmUp, 32);
        scenarios.awaitReserved(warmUp.get(warmUp.size() - 1));

        log("P1: order placement, 32 clients");
        List<String> p1Tickets = scenarios.ticketsForSale(4000, 32);
        Map<String, Duration> cpuBefore = processes.cpu();
        Scenarios.Throughput p1 = scenarios.orderPlacement(p1Tickets, 32);
        Map<String, Duration> p1Cpu = Processes.used(cpuBefore, processes.cpu());
        scenarios.awaitReserved(p1Tickets.get(p1Tickets.size() - 1));

        Scenarios.TracingCost tracing = tracingCost(scenarios, processes);

        log("P1 baseline: pgbench, same transaction, 32 clients");
        Pgbench pgbench = new Pgbench(arg.get("ordersDb"));
        pgbench.prepare(32);
        Duration beforePgbench = Processes.machineBusy();
        Pgbench.Result baseline = pgbench.run(32, 15);
        Duration pgbenchCpu = Processes.machineBusy().minus(beforePgbench);

        log("P2: flash sale, 2000 buyers for 100 tickets");
        List<String> saleTickets = scenarios.ticketsForSale(100, 32);
        Scenarios.FlashSale p2 = scenarios.flashSale(saleTickets, 2000, 200);
        scenarios.awaitReserved(saleTickets.get(saleTickets.size() - 1));

        log("P3: event propagation, 200 tickets");
        Latencies p3 = scenarios.propagation(200);

        Properties p4 = new Properties();
        try (Reader in = Files.newBufferedReader(resultsFile)) {
            p4.load(in);
        }
        Report report = new Report(arg, p1, p1Cpu, baseline, pgbenchCpu, p2, p3, p4, tracing, rssAtReady,
                processes.residentMiB());
        Files.writeString(Path.of(arg.get("out")), report.render());
        log("wrote " + arg.get("out"));
    }

    /**
     * Tracing's CPU per order, on the same running system: orders whose client trace is sampled
     * against orders whose trace is not, which every service then records nothing of (parent-based
     * sampling, across the events too). Rounds of 500 in the order unsampled, sampled, sampled,
     * unsampled, so that a drift during the phase weighs on both alike.
     */
    private static Scenarios.TracingCost tracingCost(Scenarios scenarios, Processes processes) {
        log("tracing cost: 4 rounds of 500 orders, in unsampled and sampled traces");
        int[] orders = new int[2];
        Duration[] cpu = {Duration.ZERO, Duration.ZERO};
        for (boolean sampled : new boolean[] {false, true, true, false}) {
            List<String> tickets = scenarios.ticketsForSale(500, 32);
            Map<String, Duration> before = processes.cpu();
            int placed = scenarios.orderPlacementInTraces(tickets, 32, sampled);
            scenarios.awaitReserved(tickets.get(tickets.size() - 1));
            Map<String, Duration> used = Processes.used(before, processes.cpu());
            used.remove(Processes.MACHINE);
            int mode = sampled ? 1 : 0;
            orders[mode] += placed;
            cpu[mode] = used.values().stream().reduce(cpu[mode], Duration::plus);
        }
        return new Scenarios.TracingCost(orders[1], cpu[1], orders[0], cpu[0]);
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }
}
