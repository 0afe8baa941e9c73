package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** bench/results.json holds the report's figures by name, as JSON numbers, with null for one not measured. */
class ResultsTest {

    @TempDir
    Path dir;

    @Test
    void writesTheFiguresAsJson() throws Exception {
        ReportTest.Figures figures = ReportTest.fast();
        figures.p1b = new Recording.Seen(java.util.Map.of(201, 10), 10, 1, 1, 2, Double.NaN, Double.NaN, Double.NaN,
                java.util.Map.of(), 0, Double.NaN, Double.NaN, java.util.Map.of(), 0, 0);
        Path file = dir.resolve("results.json");

        Results.write(file, ReportTest.report(figures).figures());

        JsonNode json = JsonMapper.shared().readTree(Files.readString(file));
        for (String name : new String[] {"cpu_ms_per_order", "p1_orders_per_s", "p2_seconds", "p2_won", "p2_5xx",
                "idle_cpu_ms_per_s", "p3_p99_ms", "p4_p99_ms", "p5_up_seconds", "pgbench_tps"}) {
            assertThat(json.get(name).isNumber()).as(name).isTrue();
        }
        assertThat(json.get("p1b_p99_ms").isNull()).isTrue();
        assertThat(json.get("cpu_ms_per_order").asDouble()).isEqualTo(5.0);
        assertThat(json.get("p2_won").asInt()).isEqualTo(100);
        assertThat(json.get("cpu_ms_per_order_by_process").get("orders-2").asDouble()).isEqualTo(1.5);
        assertThat(json.get("met").get("p1").asBoolean()).isTrue();
        assertThat(Files.readString(file)).endsWith("}\n").contains("\n  \"p1_orders_per_s\"");
    }
}
