package dev.ticketing.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BENCHMARKS.md: the figures against their targets, where P1's CPU went (per process, beside what
 * each burns idle), the pgbench floor, links to Gatling's reports, and how to reproduce them; and
 * the same figures for bench/results.json ({@link #figures}).
 */
record Report(Map<String, String> arg, Idle idle, Recording.Seen p1, Settled p1Settled, Pgbench.Result baseline,
              Duration baselineCpu,
              Recording.Seen p1b, double p1bRate, int p1bSeconds, Recording.Seen p2, int p2Tickets,
              Latencies p3, Properties p4, Scenarios.TracingCost tracing, Map<String, Long> rssAtReady,
              Map<String, Long> rssAfterLoad) {

    static final double P1_TARGET = 250;
    static final double P1B_P99_TARGET = 50;
    static final double P2_SECONDS_TARGET = 4;
    static final double CPU_PER_ORDER_TARGET = 6;
    static final double IDLE_TARGET = 10;
    static final double P3_P99_TARGET = 50;
    static final double P4_P99_TARGET = 1000;
    static final double P5_SECONDS_TARGET = 30;
    static final long P5_MIB_TARGET = 1536;
    static final double TRACING_TARGET = 0.3;

    /** The system's CPU over {@code seconds} without load, by process, and the transactions committed meanwhile. */
    record Idle(int seconds, Map<String, Duration> used, long commits) {
        double systemMillisPerSecond() {
            return Processes.system(used).toNanos() / 1e6 / seconds;
        }

        double millisPerSecond(String process) {
            return used.getOrDefault(process, Duration.ZERO).toNanos() / 1e6 / seconds;
        }
    }

    /**
     * All that P1's orders cost: the system's CPU and PostgreSQL's commits from the start of P1's
     * injection until the system was quiet again, {@code seconds} after the last answer (the events an
     * order causes are handled after it is answered, some of them after the last answer).
     */
    record Settled(Map<String, Duration> used, long commits, double seconds) {
    }

    String render() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Measured by `bench/run` on ").append(arg.getOrDefault("machine", "this machine"))
                .append(", ").append(Instant.now().toString(), 0, 10)
                .append(". The whole system (seven services, PostgreSQL, NATS) and the load generator (Gatling for")
                .append(" P1, P1b and P2, a Java driver for the rest, HTTP through the gateway) share this machine.")
                .append(" Reproduce with:\n\n```\nbench/run\n```\n\n")
                .append("It shows its progress as it goes and takes about ten minutes. Besides this file it writes")
                .append(" `bench/results.json` (the same figures) and Gatling's HTML report of each simulation of the")
                .append(" run, with its latency curves: [P1](bench/report/p1/index.html),")
                .append(" [P1b](bench/report/p1b/index.html), [P2](bench/report/p2/index.html)")
                .append(" (`bench/report/`, replaced by each run and not kept in git). Earlier runs, and what")
                .append(" changed the figures between them: [docs/performance.md](docs/performance.md).\n\n");
        figures(md);
        cpu(md);
        md.append("\n").append(LIMITS);
        return md.toString();
    }

    private void figures(StringBuilder md) {
        md.append("| figure | result | target | met |\n|---|---|---|---|\n");
        row(md, "P1 order placement, closed loop, 32 clients", String.format(
                "%.0f orders/s (%d orders in %.1f s), p50 %.1f ms, p99 %.1f ms (Gatling's p99 %.0f ms), %d errors",
                p1.perSecond(), p1.requests(), p1.seconds(), p1.p50(), p1.p99(), p1.gatlingP99(), p1Errors()),
                "≥ 250 orders/s, 0 errors", p1Met());
        row(md, "P1b order placement, open loop", String.format(
                "%.0f orders/s offered for %d s: %d orders, p50 %.1f ms, p99 %.1f ms from each one's scheduled send"
                        + " (from when its buyer started it: p99 %.1f ms; Gatling's own, from writing the request: p99 %.0f ms),"
                        + " %d errors",
                p1bRate, p1bSeconds, p1b.requests(), p1b.scheduledP50(), p1b.scheduledP99(), p1b.p99(),
                p1b.gatlingP99(), p1bErrors()),
                "p99 ≤ 50 ms, 0 errors", p1bMet());
        row(md, "P2 flash sale", String.format("%d buyers (%d at once), %d tickets: %d won, %d refused, %d 5xx, %d unanswered, %.2f s",
                p2.requests(), Integer.parseInt(arg.getOrDefault("p2Users", "200")), p2Tickets, p2.count(201),
                p2.between(400, 500), p2ServerErrors(), p2.count(Recording.NO_ANSWER), p2.seconds()),
                p2Tickets + " won, 0 5xx, < 4 s", p2Met());
        row(md, "CPU per order placed (the system, P1)", String.format(
                "%.2f ms, all the system did for P1's orders until it was quiet again, %.0f s after the last answer"
                        + " (while the requests ran: %.2f ms; the whole machine, load generator and other users"
                        + " included: %.2f ms)", cpuPerOrder(), p1Settled.seconds(), cpuPerOrderDuringRequests(),
                machinePerOrder()),
                "≤ 6 ms", cpuPerOrder() <= CPU_PER_ORDER_TARGET);
        row(md, "Idle (the system, no load)", String.format("%.1f ms of CPU per second (%d s, 5 s after the start)",
                idle.systemMillisPerSecond(), idle.seconds()), "≤ 10 ms/s", idle.systemMillisPerSecond() <= IDLE_TARGET);
        row(md, "P3 ticket created → orderable", String.format("p50 %.1f ms, p99 %.1f ms (%d tickets)",
                p3.percentileMillis(50), p3.percentileMillis(99), p3.count()),
                "p99 ≤ 50 ms", p3.percentileMillis(99) <= P3_P99_TARGET);
        row(md, "P4 expiresAt → cancelled", String.format("p50 %.0f ms, p99 %.0f ms (%s orders, each polled every 20 ms)",
                p4Millis("p4.p50"), p4Millis("p4.p99"), p4.getProperty("p4.count")),
                "p99 ≤ 1 s", p4Millis("p4.p99") <= P4_P99_TARGET);
        row(md, "P5 `./ticketing up` to ready, resident memory", String.format(
                "%.1f s (the first start of a new build, which writes class-data archives at its stop: %s s); %d MiB in all when ready,"
                        + " %d MiB after the load (%s)",
                upSeconds(), arg.get("firstUpSeconds"), total(rssAtReady), total(rssAfterLoad), list(rssAfterLoad, " MiB")),
                "≤ 30 s, ≤ 1.5 GiB", p5Met());
        row(md, "Tracing's CPU per order", String.format(
                "%.2f ms: %.2f ms per order in a sampled trace (%d orders), %.2f ms in an unsampled one (%d orders)",
                tracing.millisPerOrder(), tracing.sampledMillisPerOrder(), tracing.sampledOrders(),
                tracing.unsampledMillisPerOrder(), tracing.unsampledOrders()),
                "≤ 0.3 ms", tracingMet());
        md.append("\nP1, P1b and P2 are Gatling simulations (`bench/src/test/java`), fed with buyers' session tokens")
                .append(" and tickets that the Java driver prepared (created through the gateway and waited for until")
                .append(" orders knew them). Their latency is per request as the client saw it (gateway → orders →")
                .append(" gateway). P1's 32 buyers each send their next order as soon as the last is answered. P1b's")
                .append(" buyers arrive at a constant rate whatever the answers, each on a connection of its own, and")
                .append(" its latency counts from when each request was due, so a late send (coordinated omission)")
                .append(" would show; Gatling's own response time starts when it writes the request, and the")
                .append(" recording's when the simulated buyer starts it, so the three figures show where any delay was.")
                .append(" P2's buyers go through ").append(arg.getOrDefault("p2Users", "200"))
                .append(" connections at once; a refusal (the ticket is taken)")
                .append(" is an answer as intended. P3 counts from a ticket's 201 to the first order accepted for it:")
                .append(" outbox relay, JetStream, the orders consumer. P4 ran first, on the same build started with")
                .append(" `ORDER_EXPIRATION_SECONDS=10`; the other figures on a start whose orders do not expire")
                .append(" during the run, so that no expiry traffic mixes into them.")
                .append(" Tracing's cost is measured on that start, right after P1: orders placed by the Java driver")
                .append(" (32 buyers in a closed loop, as in P1), each with a `traceparent` of its own, alternately")
                .append(" sampled and not, in rounds of ").append(arg.getOrDefault("tracingOrders", "500"))
                .append(" (unsampled, sampled, sampled, unsampled); it counts the system's CPU from the first order")
                .append(" of a round until the system was quiet again after its last answer, as for P1 (the wait at")
                .append(" the idle rate is in both and cancels out in the difference). Every service follows the")
                .append(" caller's sampling decision, through the events too, so an unsampled order records and")
                .append(" exports no span; it still carries its trace (ids, headers, log correlation), whose cost is")
                .append(" therefore not in this figure.\n");
    }

    private void cpu(StringBuilder md) {
        double orders = p1.requests();
        Map<String, Duration> p1Cpu = p1Settled.used();
        md.append("\n## Where P1's CPU went\n\nCPU time used for the ").append(p1.requests())
                .append(" orders P1 placed (from its first request until the system was quiet again, ")
                .append(String.format("%.0f s after the last answer, which adds about %.2f ms per order at the idle rate)",
                        p1Settled.seconds(), idle.systemMillisPerSecond() * p1Settled.seconds() / p1.requests()))
                .append(", per order placed, by each process of the system (the launcher's pid files, so every")
                .append(" replica; PostgreSQL and NATS summed over their processes), and what each burnt per second")
                .append(" in the ").append(idle.seconds()).append(" s without load after the start:\n\n")
                .append("| process | P1: CPU ms per order | idle: CPU ms per s |\n|---|---|---|\n");
        Set<String> processes = new LinkedHashSet<>(p1Cpu.keySet());
        processes.addAll(idle.used().keySet());
        processes.remove(Processes.MACHINE);
        for (String name : processes) {
            md.append(String.format("| %s | %.2f | %.1f |%n", name,
                    p1Cpu.getOrDefault(name, Duration.ZERO).toNanos() / 1e6 / orders, idle.millisPerSecond(name)));
        }
        md.append(String.format("| **the system** | **%.2f** | **%.1f** |%n", cpuPerOrder(), idle.systemMillisPerSecond()))
                .append(String.format("| whole machine | %.2f | %.1f |%n", machinePerOrder(),
                        idle.millisPerSecond(Processes.MACHINE)));
        md.append("\n## The floor\n\n")
                .append(String.format("One order placed during P1 made PostgreSQL commit about %.1f transactions in the"
                                + " system's databases (%d commits for %d orders, counted by `pg_stat_database`, background"
                                + " polls included; idle, the system commits %.1f per second). ",
                        commitsPerOrder(), p1Settled.commits(), p1.requests(), (double) idle.commits() / idle.seconds()))
                .append("The floor pgbench measures is still **one** of them: the orders service's reservation")
                .append(" transaction (read the ticket, insert the order unless an active order holds the ticket, in")
                .append(" the one statement `INSERT ... ON CONFLICT (ticket_id) WHERE status IN (...) DO NOTHING`,")
                .append(" insert the outbox row), run from 32 clients straight against the orders database right")
                .append(" after P1b;")
                .append(" scripting every transaction an order causes is not done yet, so no floor for the whole")
                .append(" chain is claimed here.\n\n")
                .append(String.format("pgbench: %.0f tx/s, latency %.1f ms on average; each transaction cost the whole"
                                + " machine (PostgreSQL and pgbench) %.2f ms of CPU. An order placed through the system"
                                + " cost the machine %.0f times as much, and P1's throughput is %.2f of pgbench's (kept"
                                + " for reference with earlier runs).%n",
                        baseline.tps(), baseline.latencyMillis(), pgbenchMillisPerTransaction(), machinePerOrder()
                                / pgbenchMillisPerTransaction(), p1.perSecond() / baseline.tps()));
    }

    /** The figures of this report by name, for bench/results.json: milliseconds, seconds, counts. */
    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("date", Instant.now().toString().substring(0, 10));
        f.put("machine", arg.getOrDefault("machine", "this machine"));
        f.put("cpu_ms_per_order", round(cpuPerOrder()));
        f.put("cpu_ms_per_order_during_requests", round(cpuPerOrderDuringRequests()));
        f.put("p1_settle_seconds", round(p1Settled.seconds()));
        f.put("machine_cpu_ms_per_order", round(machinePerOrder()));
        f.put("p1_orders_per_s", round(p1.perSecond()));
        f.put("p1_orders", p1.requests());
        f.put("p1_p50_ms", round(p1.p50()));
        f.put("p1_p99_ms", round(p1.p99()));
        f.put("p1_gatling_p99_ms", round(p1.gatlingP99()));
        f.put("p1_errors", p1Errors());
        f.put("p1b_offered_per_s", round(p1bRate));
        f.put("p1b_seconds", p1bSeconds);
        f.put("p1b_orders", p1b.requests());
        f.put("p1b_p50_ms", round(p1b.scheduledP50()));
        f.put("p1b_p99_ms", round(p1b.scheduledP99()));
        f.put("p1b_p99_ms_from_send", round(p1b.p99()));
        f.put("p1b_gatling_p99_ms", round(p1b.gatlingP99()));
        f.put("p1b_errors", p1bErrors());
        f.put("p2_buyers", p2.requests());
        f.put("p2_tickets", p2Tickets);
        f.put("p2_won", p2.count(201));
        f.put("p2_refused", p2.between(400, 500));
        f.put("p2_5xx", p2ServerErrors());
        f.put("p2_unanswered", p2.count(Recording.NO_ANSWER));
        f.put("p2_seconds", round(p2.seconds()));
        f.put("idle_cpu_ms_per_s", round(idle.systemMillisPerSecond()));
        f.put("p3_p50_ms", round(p3.percentileMillis(50)));
        f.put("p3_p99_ms", round(p3.percentileMillis(99)));
        f.put("p4_p50_ms", round(p4Millis("p4.p50")));
        f.put("p4_p99_ms", round(p4Millis("p4.p99")));
        f.put("p5_up_seconds", round(upSeconds()));
        f.put("p5_first_up_seconds", round(Double.parseDouble(arg.getOrDefault("firstUpSeconds", "NaN"))));
        f.put("p5_resident_mib_ready", total(rssAtReady));
        f.put("p5_resident_mib_after_load", total(rssAfterLoad));
        f.put("pgbench_tps", round(baseline.tps()));
        f.put("pgbench_latency_ms", round(baseline.latencyMillis()));
        f.put("pgbench_cpu_ms_per_tx", round(pgbenchMillisPerTransaction()));
        f.put("p1_to_pgbench_ratio", round(p1.perSecond() / baseline.tps()));
        f.put("pg_commits_per_order", round(commitsPerOrder()));
        f.put("tracing_cpu_ms_per_order", round(tracing.millisPerOrder()));
        f.put("tracing_sampled_cpu_ms_per_order", round(tracing.sampledMillisPerOrder()));
        f.put("tracing_unsampled_cpu_ms_per_order", round(tracing.unsampledMillisPerOrder()));
        f.put("tracing_orders", tracing.sampledOrders() + tracing.unsampledOrders());
        Map<String, Object> perOrder = new LinkedHashMap<>();
        p1Settled.used().forEach((name, used) -> perOrder.put(name, round(used.toNanos() / 1e6 / p1.requests())));
        f.put("cpu_ms_per_order_by_process", perOrder);
        Map<String, Object> idlePerSecond = new LinkedHashMap<>();
        idle.used().forEach((name, used) -> idlePerSecond.put(name, round(idle.millisPerSecond(name))));
        f.put("idle_cpu_ms_per_s_by_process", idlePerSecond);
        Map<String, Object> met = new LinkedHashMap<>();
        met.put("p1", p1Met());
        met.put("p1b", p1bMet());
        met.put("p2", p2Met());
        met.put("cpu_per_order", cpuPerOrder() <= CPU_PER_ORDER_TARGET);
        met.put("idle", idle.systemMillisPerSecond() <= IDLE_TARGET);
        met.put("p3", p3.percentileMillis(99) <= P3_P99_TARGET);
        met.put("p4", p4Millis("p4.p99") <= P4_P99_TARGET);
        met.put("p5", p5Met());
        met.put("tracing", tracingMet());
        f.put("met", met);
        return f;
    }

    private int p1Errors() {
        return p1.requests() - p1.count(201);
    }

    private boolean p1Met() {
        return p1.perSecond() >= P1_TARGET && p1Errors() == 0;
    }

    private int p1bErrors() {
        return p1b.requests() - p1b.count(201);
    }

    private boolean p1bMet() {
        return p1b.scheduledP99() <= P1B_P99_TARGET && p1bErrors() == 0;
    }

    private int p2ServerErrors() {
        return p2.between(500, Recording.NO_ANSWER);
    }

    private boolean p2Met() {
        return p2.count(201) == p2Tickets && p2ServerErrors() == 0 && p2.count(Recording.NO_ANSWER) == 0
                && p2.seconds() < P2_SECONDS_TARGET;
    }

    private boolean p5Met() {
        return upSeconds() <= P5_SECONDS_TARGET && Math.max(total(rssAtReady), total(rssAfterLoad)) <= P5_MIB_TARGET;
    }

    private boolean tracingMet() {
        return tracing.millisPerOrder() <= TRACING_TARGET;
    }

    private double upSeconds() {
        return Double.parseDouble(arg.get("upSeconds"));
    }

    private double cpuPerOrder() {
        return Processes.system(p1Settled.used()).toNanos() / 1e6 / p1.requests();
    }

    private double cpuPerOrderDuringRequests() {
        return Processes.system(p1.cpuUsed()).toNanos() / 1e6 / p1.requests();
    }

    private double machinePerOrder() {
        return p1Settled.used().getOrDefault(Processes.MACHINE, Duration.ZERO).toNanos() / 1e6 / p1.requests();
    }

    private double pgbenchMillisPerTransaction() {
        return baselineCpu.toNanos() / 1e6 / baseline.transactions();
    }

    private double commitsPerOrder() {
        return (double) p1Settled.commits() / p1.requests();
    }

    private double p4Millis(String key) {
        return Double.parseDouble(p4.getProperty(key, "NaN"));
    }

    /** Two decimals, and NaN (a figure not measured) as null, which JSON has. */
    private static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 100) / 100.0;
    }

    private static long total(Map<String, Long> mib) {
        return mib.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String list(Map<String, Long> values, String unit) {
        return values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + unit)
                .collect(Collectors.joining(", "));
    }

    private static void row(StringBuilder md, String figure, String result, String target, boolean met) {
        md.append("| ").append(figure).append(" | ").append(result).append(" | ").append(target).append(" | ")
                .append(met ? "yes" : "no").append(" |\n");
    }

    private static final String LIMITS = """
            ## What limits the figures

            Profiled with async-profiler (CPU, all threads) and JFR on the running system under the P1 load,
            and measured with the CPU table above, which every run produces.

            - **P1 is CPU-bound, and two cores are shared by everything.** Placing an order is not one
              transaction. It is the HTTP request through the gateway, the orders transaction, the outbox
              relay's send and delete, and then `order.created` handled by tickets (reserve, then its own
              `ticket.updated`, which orders handles in turn), by expiration (a db-scheduler task) and by
              payments, each in a transaction that also records the event id. The table above shows that
              chain costing the machine an order of magnitude more CPU than the bare pgbench transaction,
              which bounds the ratio to pgbench however any one part is tuned. With 32 clients in a
              closed loop, latency is 32 ÷ throughput (Little's law), which is why P1b, an open loop at a
              rate below the capacity, is the latency figure. The figure to watch is the CPU per order:
              it is what bounds the throughput on two cores.
            - **Fixed after profiling:** the gateway proxied with the JDK HttpClient, whose asynchronous
              machinery, plus a cancelled future (with its exception) for every answer read under a
              timeout, was about a third of the gateway's CPU; it now proxies through Apache HttpClient's
              pooled blocking client, about a third less CPU per request. `ApiException`, thrown for every
              refused buyer, no longer fills in a stack trace. The benchmark itself used to let orders
              expire during P1 to P3, which nearly doubled the work behind those figures; P4 now runs on
              its own start.
            - **What is left** in the profiles is spread thin: Tomcat and Spring MVC request handling, JDBC
              round trips, JSON, Micrometer observations, one log line per state change, and C1 compiled
              code (the launcher runs the JVMs without C2, which starts seven of them on two cores in
              about half the time; with C2, P1 gained about 10% once warm). Running the services on
              Temurin 25, with virtual threads, changed P1 and P2 by no more than run-to-run noise.
            - **P2** pays the same per-request cost, for 2,000 requests with 200 buyers at once; refusals
              are cheaper than orders (no events follow them). What P2 is about beyond speed, that
              exactly one buyer wins each ticket and nobody gets a 5xx, is in its row of the table
              (and, in CI, in the end-to-end flash-sale test).
            - **P3 and P4** are short because nothing waits on a timer but expiration: the relay sends
              right after commit, the consumers' pulls are already waiting at the server, and
              expiration looks for due holds every 250 ms (`EXPIRATION_POLLING_INTERVAL`).
            """;
}
