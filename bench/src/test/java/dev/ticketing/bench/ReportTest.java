package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * BENCHMARKS.md says what was measured, judges each figure against its target, shows where P1's CPU
 * went beside what each process burns idle, labels the pgbench floor for what it is, and links
 * Gatling's reports; results.json holds the same figures.
 */
class ReportTest {

    @Test
    void percentilesAreTheNearestRankOfTheSamples() {
        Latencies latencies = latencies(1, 100);

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }

    @Test
    void eachFigureIsJudgedAgainstItsTarget() {
        String report = report(fast()).render();

        assertThat(row(report, "P1")).contains("400 orders/s", "4000 orders in 10.0 s", "p99 20.0 ms (Gatling's p99 19 ms)", "0 errors")
                .endsWith("| yes |");
        assertThat(row(report, "P1b")).contains("150 orders/s offered for 60 s", "9000 orders", "p99 45.0 ms from each",
                "from when its buyer started it: p99 30.0 ms; Gatling's own, from writing the request: p99 29 ms", "0 errors").endsWith("| yes |");
        assertThat(row(report, "P2")).contains("2000 buyers (200 at once)", "100 won", "1900 refused", "0 5xx",
                "3.50 s").endsWith("| 100 won, 0 5xx, < 4 s | yes |");
        assertThat(row(report, "CPU per order")).contains("5.00 ms", "quiet again, 12 s after the last answer",
                        "while the requests ran: 5.00 ms", "other users included: 7.00 ms")
                .endsWith("| yes |");
        assertThat(row(report, "Idle")).contains("8.0 ms of CPU per second (20 s").endsWith("| yes |");
        assertThat(row(report, "P3")).contains("p99 40.0 ms").endsWith("| yes |");
        assertThat(row(report, "P4")).contains("p99 900 ms").endsWith("| yes |");
        assertThat(row(report, "P5")).contains("24.0 s", "first start of a new build", "55.0 s", "300 MiB in all when ready")
                .endsWith("| ≤ 30 s, ≤ 1.5 GiB | yes |");
        assertThat(row(report, "Tracing's")).contains("0.20 ms: 5.20 ms per order in a sampled trace (1000 orders)",
                "5.00 ms in an unsampled one (1000 orders)", "≤ 0.3 ms").endsWith("| yes |");
        assertThat(report).contains("an unsampled order records and exports no span; it still carries its trace"
                + " (ids, headers, log correlation), whose cost is therefore not in this figure");
    }

    @Test
    void aFigureOutsideItsTargetIsMarkedNo() {
        Figures slow = fast();
        slow.p1 = seen(Map.of(201, 3990, 500, 10), 100, 300, 400, Double.NaN, Double.NaN, cpu(48, 40), 28000);
        slow.p1b = seen(Map.of(201, 9000), 60, 10, 20, 10, 51, Map.of(), 0);
        slow.p2 = seen(Map.of(201, 100, 409, 1899, 503, 1), 4.2, 5, 9, Double.NaN, Double.NaN, Map.of(), 0);
        slow.idleMachine = 30;
        slow.up = "31.0";
        slow.tracing = new Scenarios.TracingCost(1000, Duration.ofMillis(5400), 1000, Duration.ofMillis(5000));
        Report report = report(slow);
        String md = report.render();

        assertThat(row(md, "P1")).contains("40 orders/s", "10 errors").endsWith("| no |");
        assertThat(row(md, "P1b")).contains("p99 51.0 ms").endsWith("| no |");
        assertThat(row(md, "P2")).contains("1 5xx", "4.20 s").endsWith("| no |");
        assertThat(row(md, "CPU per order")).contains("10.00 ms").endsWith("| no |");
        assertThat(row(md, "Idle")).contains("15.0 ms").endsWith("| no |");
        assertThat(row(md, "P5")).endsWith("| no |");
        assertThat(row(md, "Tracing's")).contains("0.40 ms").endsWith("| no |");
        assertThat(report.figures().get("met")).isEqualTo(Map.of("p1", false, "p1b", false, "p2", false,
                "cpu_per_order", false, "idle", false, "p3", true, "p4", true, "p5", false, "tracing", false));
    }

    @Test
    void theCpuTableShowsEachProcessPerOrderAndIdleAndTheFloorIsLabelledForWhatItIs() {
        String report = report(fast()).render();

        assertThat(report).contains("| process | P1: CPU ms per order | idle: CPU ms per s |",
                "| orders | 2.50 | 3.0 |", "| orders-2 | 1.50 | 2.0 |", "| postgres | 1.00 | 3.0 |",
                "| **the system** | **5.00** | **8.0** |", "| whole machine | 7.00 | 12.0 |",
                "about 7.0 transactions", "28000 commits for 4000 orders", "idle, the system commits 2.5 per second",
                "still **one** of them", "`INSERT ... ON CONFLICT (ticket_id) WHERE status IN (...) DO NOTHING`",
                "cost the whole machine (PostgreSQL and pgbench) 0.50 ms",
                "14 times as much", "0.33 of pgbench's");
        assertThat(report).doesNotContain("| machine |");
    }

    @Test
    void linksGatlingsReportsOfTheRun() {
        assertThat(report(fast()).render()).contains("[P1](bench/report/p1/index.html)",
                "[P1b](bench/report/p1b/index.html)", "[P2](bench/report/p2/index.html)", "replaced by each run");
    }

    @Test
    void theFiguresForResultsJsonHaveTheNamesTheIssueAsksFor() {
        Map<String, Object> figures = report(fast()).figures();

        assertThat(figures).containsEntry("cpu_ms_per_order", 5.0).containsEntry("p1_orders_per_s", 400.0)
                .containsEntry("p1b_p99_ms", 45.0).containsEntry("p2_seconds", 3.5).containsEntry("p2_won", 100)
                .containsEntry("p2_5xx", 0).containsEntry("idle_cpu_ms_per_s", 8.0)
                .containsEntry("p3_p99_ms", 40.0).containsEntry("p4_p99_ms", 900.0).containsEntry("p5_up_seconds", 24.0)
                .containsEntry("p5_resident_mib_ready", 300L).containsEntry("pgbench_tps", 1200.0)
                .containsEntry("pg_commits_per_order", 7.0).containsEntry("tracing_cpu_ms_per_order", 0.2)
                .containsEntry("tracing_sampled_cpu_ms_per_order", 5.2)
                .containsEntry("tracing_unsampled_cpu_ms_per_order", 5.0).containsEntry("tracing_orders", 2000);
        assertThat(figures.get("cpu_ms_per_order_by_process")).isEqualTo(
                Map.of("machine", 7.0, "orders", 2.5, "orders-2", 1.5, "postgres", 1.0));
    }

    /** What a report is made of, with defaults that meet every target. */
    static final class Figures {
        Recording.Seen p1 = seen(Map.of(201, 4000), 10, 10, 20, Double.NaN, Double.NaN, cpu(28, 20), 28000);
        Recording.Seen p1b = seen(Map.of(201, 9000), 60, 10, 30, 12, 45, Map.of(), 0);
        Recording.Seen p2 = seen(Map.of(201, 100, 409, 1900), 3.5, 5, 9, Double.NaN, Double.NaN, Map.of(), 0);
        double idleMachine = 12;
        String up = "24.0";
        Scenarios.TracingCost tracing = new Scenarios.TracingCost(1000, Duration.ofMillis(5200), 1000, Duration.ofMillis(5000));
    }

    static Figures fast() {
        return new Figures();
    }

    static Report report(Figures f) {
        Properties p4 = new Properties();
        p4.setProperty("p4.p50", "300");
        p4.setProperty("p4.p99", "900");
        p4.setProperty("p4.count", "50");
        Map<String, String> arg = Map.of("machine", "2 cores", "upSeconds", f.up, "firstUpSeconds", "55.0");
        Map<String, Duration> idle = new LinkedHashMap<>();
        idle.put(Processes.MACHINE, Duration.ofMillis((long) (f.idleMachine * 20)));
        idle.put("orders", Duration.ofMillis(f.idleMachine == 12 ? 60 : 150));
        idle.put("orders-2", Duration.ofMillis(f.idleMachine == 12 ? 40 : 100));
        idle.put("postgres", Duration.ofMillis(f.idleMachine == 12 ? 60 : 50));
        return new Report(arg, new Report.Idle(20, idle, 50), f.p1,
                new Report.Settled(f.p1.cpuUsed(), f.p1.commits(), 12), new Pgbench.Result(1200, 5, 2000),
                Duration.ofSeconds(1), f.p1b, 150, 60, f.p2, 100, latencies(30, 40), p4, f.tracing,
                Map.of("orders", 100L, "tickets", 200L), Map.of("orders", 150L, "tickets", 250L));
    }

    /** CPU used in P1 (seconds over its 4000 orders): the machine, and the system split over three processes. */
    private static Map<String, Duration> cpu(double machineSeconds, double systemSeconds) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put(Processes.MACHINE, Duration.ofMillis((long) (machineSeconds * 1000)));
        cpu.put("orders", Duration.ofMillis((long) (systemSeconds * 1000 / 2)));
        cpu.put("orders-2", Duration.ofMillis((long) (systemSeconds * 1000 * 0.3)));
        cpu.put("postgres", Duration.ofMillis((long) (systemSeconds * 1000 * 0.2)));
        return cpu;
    }

    private static Recording.Seen seen(Map<Integer, Integer> statuses, double seconds, double p50, double p99,
                                       double scheduledP50, double scheduledP99, Map<String, Duration> cpu, long commits) {
        int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
        return new Recording.Seen(statuses, requests, seconds, p50, p99, p99, scheduledP50, scheduledP99, cpu, commits,
                p50, p99 - 1, Map.of(), 0, 0);
    }

    private static Latencies latencies(int fromMillis, int toMillis) {
        Latencies latencies = new Latencies();
        for (int ms = fromMillis; ms <= toMillis; ms++) {
            latencies.add(Duration.ofMillis(ms).toNanos());
        }
        return latencies;
    }

    private static String row(String report, String figure) {
        return report.lines().filter(line -> line.startsWith("| " + figure + " ")).findFirst().orElseThrow();
    }
}
