package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's pid files name the services whose CPU and memory the report shows. */
class ProcessesTest {

    @TempDir
    Path pids;

    @Test
    void readsTheCpuAndMemoryOfEachServiceInThePidFolderAndOfTheMachine() throws Exception {
        Files.writeString(pids.resolve("self.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(pids.resolve("notes.txt"), "not a pid file");
        Processes processes = new Processes(pids);

        Map<String, Duration> before = processes.cpu();
        burnCpu();
        Map<String, Duration> used = Processes.used(before, processes.cpu());

        assertThat(used).containsKeys(Processes.MACHINE, "self", "postgres", "nats-server");
        assertThat(used.get("self")).isPositive();
        assertThat(used.get(Processes.MACHINE)).isPositive();
        assertThat(processes.residentMiB()).containsOnlyKeys("self").allSatisfy((name, mib) -> assertThat(mib).isPositive());
    }

    @Test
    void takesEveryPidFileAsAnInstanceReplicasIncludedAndPassesOverOnesThatAreEmptyOrStale() throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(pids.resolve("orders.pid"), self + "\n");
        Files.writeString(pids.resolve("orders-2.pid"), self + "\n");
        Files.writeString(pids.resolve("gateway.pid"), "");
        Files.writeString(pids.resolve("tickets.pid"), "999999999\n"); // no such process: ended, file left behind
        Processes processes = new Processes(pids);

        assertThat(processes.services()).containsOnlyKeys("orders", "orders-2", "tickets");
        assertThat(processes.cpu()).containsKeys("orders", "orders-2", "tickets");
        assertThat(processes.cpu().get("tickets")).isZero();
        assertThat(processes.residentMiB()).containsEntry("tickets", 0L);
        assertThat(processes.residentMiB().get("orders-2")).isPositive();
    }

    @Test
    void theSystemIsEveryProcessButTheMachine() {
        Map<String, Duration> cpu = Map.of(Processes.MACHINE, Duration.ofSeconds(9), "orders", Duration.ofSeconds(2),
                "postgres", Duration.ofSeconds(3));

        assertThat(Processes.system(cpu)).isEqualTo(Duration.ofSeconds(5));
    }

    private static void burnCpu() {
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        double x = 0;
        while (System.nanoTime() < deadline) {
            x += Math.sqrt(x + 1);
        }
        assertThat(x).isPositive();
    }
}
