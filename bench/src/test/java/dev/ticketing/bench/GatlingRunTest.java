package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the driver takes from a Gatling run: the summary it prints, and its HTML report, kept as the last run's. */
class GatlingRunTest {

    @TempDir
    Path dir;

    @Test
    void readsGatlingsGlobalSummary() {
        Properties summary = GatlingRun.gatlingSummary(List.of(
                "---- Global Information -------------------------------------------------------------|---Total---|-----OK----|----KO----",
                "> request count                                                                      |     2,000 |     1,998 |         2",
                "> min response time (ms)                                                             |       571 |       571 |         -",
                "> response time 50th percentile (ms)                                                 |     2,958 |     2,958 |         -",
                "> response time 99th percentile (ms)                                                 |     9,957 |     9,957 |         -",
                "> mean throughput (rps)                                                              |      7.69 |      7.69 |         -"));

        assertThat(summary).containsEntry("gatling.ok", "1998").containsEntry("gatling.ko", "2")
                .containsEntry("gatling.p50", "2958").containsEntry("gatling.p99", "9957");
        assertThat(Recording.read(summary).gatlingP99()).isEqualTo(9957.0);
        assertThat(GatlingRun.gatlingSummary(List.of("[INFO] BUILD SUCCESS"))).isEmpty();
    }

    @Test
    void keepsTheNewestReportWithoutItsRawLogReplacingTheOneBefore() throws Exception {
        Path results = dir.resolve("gatling");
        Path older = Files.createDirectories(results.resolve("openloopsimulation-1"));
        Files.writeString(older.resolve("index.html"), "older");
        Path newer = Files.createDirectories(results.resolve("openloopsimulation-2/js"));
        Files.writeString(newer.getParent().resolve("index.html"), "newer");
        Files.writeString(newer.resolve("stats.js"), "js");
        Files.writeString(newer.getParent().resolve("simulation.log"), "raw");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1000));
        Path kept = GatlingRun.reportOf(dir, "p1b");
        Files.createDirectories(kept);
        Files.writeString(kept.resolve("stale.html"), "from the run before");

        GatlingRun.keepReport(results, kept);

        assertThat(kept.resolve("index.html")).hasContent("newer");
        assertThat(kept.resolve("js/stats.js")).hasContent("js");
        assertThat(kept.resolve("simulation.log")).doesNotExist();
        assertThat(kept.resolve("stale.html")).doesNotExist();
        assertThat(kept).isEqualTo(dir.resolve("bench/report/p1b"));
    }
}
