package dev.ticketing.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the five benchmark figures against a running system and writes BENCHMARKS.md. Started by
 * {@code bench/run}, which brings the system up (P5 is measured there and passed in).
 * Arguments are {@code name=value}: gateway, jwtKey, ordersDb, out, upSeconds, rss (service:MiB,...),
 * machine.
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
        Api api = new Api(arg.get("gateway"));
        Scenarios scenarios = new Scenarios(api, new Tokens(arg.get("jwtKey")));

        log("warm-up: 500 tickets created and ordered");
        scenarios.orderPlacement(scenarios.ticketsForSale(500, 32), 32);

        log("P1: order placement, 32 clients");
        Scenarios.Throughput p1 = scenarios.orderPlacement(scenarios.ticketsForSale(4000, 32), 32);
        log("P1 baseline: pgbench, same transaction, 32 clients");
        Pgbench.Result baseline = new Pgbench(arg.get("ordersDb")).run(32, 15);

        log("P2: flash sale, 2000 buyers for 100 tickets");
        Scenarios.FlashSale p2 = scenarios.flashSale(scenarios.ticketsForSale(100, 32), 2000, 200);

        log("P3: event propagation, 200 tickets");
        Latencies p3 = scenarios.propagation(200);

        log("P4: expiry lateness, 50 orders");
        Latencies p4 = scenarios.expiryLateness(scenarios.ticketsForSale(51, 8), 20);

        String report = new Report(arg).render(p1, baseline, p2, p3, p4);
        Files.writeString(Path.of(arg.get("out")), report);
        log("wrote " + arg.get("out"));
    }

    static void log(String line) {
        System.out.println("[bench " + Instant.now() + "] " + line);
    }

    /** Renders the figures, the targets, and the command that reproduces them. */
    private record Report(Map<String, String> arg) {

        String render(Scenarios.Throughput p1, Pgbench.Result baseline, Scenarios.FlashSale p2, Latencies p3,
                      Latencies p4) {
            double ratio = p1.perSecond() / baseline.tps();
            StringBuilder md = new StringBuilder();
            md.append("# Benchmarks\n\n")
                    .append("Measured by `bench/run` on ").append(arg.getOrDefault("machine", "this machine"))
                    .append(", ").append(Instant.now().toString(), 0, 10)
                    .append(". The system ran as `./ticketing up` starts it; load came from one JVM on the same machine,")
                    .append(" through the gateway. Reproduce with:\n\n```\nbench/run\n```\n\n")
                    .append("| figure | result | target | met |\n|---|---|---|---|\n");
            row(md, "P1 order placement, 32 clients", String.format(
                    "%.0f orders/s, p50 %.1f ms, p99 %.1f ms, %d errors; pgbench same transaction %.0f tx/s; ratio %.2f",
                    p1.perSecond(), p1.latencies().percentileMillis(50), p1.latencies().percentileMillis(99),
                    p1.errors(), baseline.tps(), ratio),
                    "ratio ≥ 0.6, p99 ≤ 30 ms", ratio >= 0.6 && p1.latencies().percentileMillis(99) <= 30);
            row(md, "P2 flash sale", String.format("%d buyers, %d tickets: %d won, %d refused, %d 5xx, %.2f s",
                    p2.buyers(), p2.tickets(), p2.won(), p2.rejected(), p2.serverErrors(), p2.seconds()),
                    "100 won, 0 5xx, < 5 s", p2.won() == p2.tickets() && p2.serverErrors() == 0 && p2.seconds() < 5);
            row(md, "P3 ticket created → orderable", String.format("p50 %.1f ms, p99 %.1f ms (%d samples)",
                    p3.percentileMillis(50), p3.percentileMillis(99), p3.count()),
                    "p99 ≤ 50 ms", p3.percentileMillis(99) <= 50);
            row(md, "P4 expiresAt → cancelled", String.format("p50 %.0f ms, p99 %.0f ms (%d orders, polled every 20 ms)",
                    p4.percentileMillis(50), p4.percentileMillis(99), p4.count()),
                    "p99 ≤ 1 s", p4.percentileMillis(99) <= 1000);
            double up = Double.parseDouble(arg.getOrDefault("upSeconds", "NaN"));
            String rss = arg.getOrDefault("rss", "");
            int totalMiB = rss.isBlank() ? 0 : List.of(rss.split(",")).stream()
                    .mapToInt(s -> Integer.parseInt(s.substring(s.indexOf(':') + 1))).sum();
            row(md, "P5 `./ticketing up` to ready (warm build), resident memory", String.format(
                    "%.1f s; %d MiB in all (%s)", up, totalMiB, rss.replace(":", " ").replace(",", " MiB, ") + " MiB"),
                    "≤ 30 s, ≤ 2 GiB", up <= 30 && totalMiB <= 2048);
            md.append("\nP1 latency is per request as the client saw it (HTTP through the gateway to orders and back);")
                    .append(" the pgbench figure is the database alone doing the same reservation transaction, the ceiling")
                    .append(" the service can approach. P3 counts from the ticket's 201 to the first accepted order: it")
                    .append(" includes the outbox relay, JetStream, and the orders consumer. P4 polls each order every 20 ms")
                    .append(" after its expiresAt, so it overstates lateness by up to that much.\n");
            return md.toString();
        }

        private static void row(StringBuilder md, String figure, String result, String target, boolean met) {
            md.append("| ").append(figure).append(" | ").append(result).append(" | ").append(target).append(" | ")
                    .append(met ? "yes" : "no").append(" |\n");
        }
    }
}
