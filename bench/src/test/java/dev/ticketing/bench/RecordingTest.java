package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a simulation saw, written by it and read back by the driver. */
class RecordingTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void countsStatusesAndTimesFromTheFirstSendToTheLastAnswer() throws Exception {
        Recording recording = new Recording();
        recording.record(201, 1000 * MS, 1010 * MS);
        recording.record(201, 1005 * MS, 1030 * MS);
        recording.record(409, 1020 * MS, 1025 * MS);
        recording.record(503, 1500 * MS, 2000 * MS);
        recording.record(Recording.NO_ANSWER, 1600 * MS, 1700 * MS);
        recording.write(dir.resolve("r.properties"));

        Recording.Seen seen = Recording.read(dir.resolve("r.properties"));

        assertThat(seen.requests()).isEqualTo(5);
        assertThat(seen.count(201)).isEqualTo(2);
        assertThat(seen.between(400, 500)).isEqualTo(1);
        assertThat(seen.between(500, Recording.NO_ANSWER)).isEqualTo(1);
        assertThat(seen.count(Recording.NO_ANSWER)).isEqualTo(1);
        assertThat(seen.seconds()).isEqualTo(1.0);
        assertThat(seen.perSecond()).isEqualTo(5.0);
        assertThat(seen.p50()).isEqualTo(25.0);
        assertThat(seen.max()).isEqualTo(500.0);
        assertThat(seen.scheduledP99()).isNaN();
    }

    @Test
    void theOpenLoopsLatencyCountsFromWhenTheRequestWasDueIfItWentLate() {
        Recording recording = new Recording();
        recording.recordFromSchedule(1000 * MS, 1000 * MS, 1010 * MS); // on time: 10 ms
        recording.recordFromSchedule(1000 * MS, 1040 * MS, 1050 * MS); // sent 40 ms late: 50 ms
        recording.recordFromSchedule(1000 * MS, 990 * MS, 1000 * MS); // sent early: from its send, 10 ms
        recording.record(201, 1000 * MS, 1010 * MS);

        Recording.Seen seen = Recording.read(recording.toProperties());

        assertThat(seen.scheduledP50()).isEqualTo(10.0);
        assertThat(seen.scheduledP99()).isEqualTo(50.0);
    }

    @Test
    void theCpuUsedIsTheDifferenceOfTheSnapshotsWithTheMachineFirstAndTheServersLast() {
        Recording recording = new Recording();
        recording.snapshot("before", cpu(100, 10, 20, 30, 40), 1000);
        recording.snapshot("after", cpu(600, 110, 70, 130, 90), 1700);

        Recording.Seen seen = Recording.read(recording.toProperties());

        assertThat(seen.cpuUsed()).containsExactly(Map.entry(Processes.MACHINE, Duration.ofMillis(500)),
                Map.entry("orders", Duration.ofMillis(50)), Map.entry("orders-2", Duration.ofMillis(100)),
                Map.entry("postgres", Duration.ofMillis(100)), Map.entry("nats-server", Duration.ofMillis(50)));
        assertThat(seen.commits()).isEqualTo(700);
        assertThat(seen.commitsBefore()).isEqualTo(1000);
        assertThat(Processes.used(seen.cpuBefore(), cpu(700, 10, 20, 30, 40)).get(Processes.MACHINE))
                .isEqualTo(Duration.ofMillis(600));
        assertThat(seen.secondsSinceEnd(seen.endedEpochMillis() + 2500)).isEqualTo(2.5);
    }

    private static Map<String, Duration> cpu(long machine, long orders2, long orders, long postgres, long nats) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put("nats-server", Duration.ofMillis(nats));
        cpu.put("orders-2", Duration.ofMillis(orders2));
        cpu.put(Processes.MACHINE, Duration.ofMillis(machine));
        cpu.put("postgres", Duration.ofMillis(postgres));
        cpu.put("orders", Duration.ofMillis(orders));
        return cpu;
    }
}
