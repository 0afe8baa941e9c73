package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** BENCHMARKS.md says what was measured, judges each figure against its target, and shows where P1's CPU went. */
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
        String report = report(new Scenarios.Throughput(1000, 10, latencies(1, 20), 0), 120, "24.0").render();

        assertThat(row(report, "P1")).contains("100 orders/s", "p99 20.0 ms", "120 tx/s", "ratio 0.83").endsWith("| yes |");
        assertThat(row(report, "P2")).contains("100 won", "0 5xx", "4.50 s").endsWith("| yes |");
        assertThat(row(report, "P3")).contains("p99 40.0 ms").endsWith("| yes |");
        assertThat(row(report, "P4")).contains("p99 900 ms").endsWith("| yes |");
        assertThat(row(report, "P5")).contains("24.0 s", "first start of a new build", "55.0 s", "300 MiB in all when ready")
                .endsWith("| yes |");
        assertThat(row(report, "Tracing's")).contains("0.20 ms: 5.20 ms per order in a sampled trace (1000 orders)",
                "5.00 ms in an unsampled one (1000 orders)", "≤ 0.3 ms").endsWith("| yes |");
    }

    @Test
    void aFigureOutsideItsTargetIsMarkedNo() {
        String slow = report(new Scenarios.Throughput(1000, 100, latencies(300, 400), 0), 1000, "31.0").render();

        assertThat(row(slow, "P1")).contains("ratio 0.01").endsWith("| no |");
        assertThat(row(slow, "P5")).endsWith("| no |");
    }

    @Test
    void theCpuTableShowsEachProcessPerOrderAndTheFactorOverPgbench() {
        String report = report(new Scenarios.Throughput(1000, 10, latencies(1, 20), 0), 120, "24.0").render();

        assertThat(report).contains("| orders | 4.00 |", "| postgres | 2.00 |", "| **the system** | **6.00** |",
                "| whole machine | 8.00 |", "cost the whole machine (PostgreSQL and pgbench) 0.50 ms",
                "16 times as much");
        assertThat(report).doesNotContain("| machine |");
    }

    private static Report report(Scenarios.Throughput p1, double pgbenchTps, String upSeconds) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put(Processes.MACHINE, Duration.ofSeconds(8));
        cpu.put("orders", Duration.ofSeconds(4));
        cpu.put("postgres", Duration.ofSeconds(2));
        Properties p4 = new Properties();
        p4.setProperty("p4.p50", "300");
        p4.setProperty("p4.p99", "900");
        p4.setProperty("p4.count", "50");
        Map<String, String> arg = Map.of("machine", "2 cores", "upSeconds", upSeconds, "firstUpSeconds", "55.0");
        return new Report(arg, p1, cpu, new Pgbench.Result(pgbenchTps, 5, 2000), Duration.ofSeconds(1),
                new Scenarios.FlashSale(2000, 100, 100, 1900, 0, 4.5), latencies(30, 40), p4,
                new Scenarios.TracingCost(1000, Duration.ofMillis(5200), 1000, Duration.ofMillis(5000)),
                Map.of("orders", 100L, "tickets", 200L), Map.of("orders", 150L, "tickets", 250L));
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
