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
        assertThat(Processes.used(processes.cpu(), processes.cpu())).containsKeys("orders", "orders-2", "tickets",
                "postgres", "nats-server");
        assertThat(processes.residentMiB()).containsEntry("tickets", 0L);
        assertThat(processes.residentMiB().get("orders-2")).isPositive();
    }

    @Test
    void theSystemIsEveryProcessButTheMachine() {
        Map<String, Duration> cpu = Map.of(Processes.MACHINE, Duration.ofSeconds(9), "orders", Duration.ofSeconds(2),
                "postgres", Duration.ofSeconds(3));

        assertThat(Processes.system(cpu)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aServersProcessesAreSummedSoThatOnesComingAndGoingNeverMakeItGoDown() {
        Map<String, Duration> before = new java.util.LinkedHashMap<>();
        before.put(Processes.MACHINE, Duration.ofMillis(1000));
        before.put("orders", Duration.ofMillis(500));
        before.put("postgres#10", Duration.ofMillis(300)); // runs on
        before.put("postgres#11", Duration.ofMillis(900)); // ends in between
        before.put("postgres#13", Duration.ofMillis(700)); // ends, and its pid is taken by a new process
        Map<String, Duration> after = new java.util.LinkedHashMap<>();
        after.put(Processes.MACHINE, Duration.ofMillis(1600));
        after.put("orders", Duration.ofMillis(800));
        after.put("postgres#10", Duration.ofMillis(350));
        after.put("postgres#12", Duration.ofMillis(40)); // started in between
        after.put("postgres#13", Duration.ofMillis(5));
        after.put("nats-server#20", Duration.ofMillis(60));

        assertThat(Processes.used(before, after)).containsExactly(Map.entry(Processes.MACHINE, Duration.ofMillis(600)),
                Map.entry("orders", Duration.ofMillis(300)), Map.entry("postgres", Duration.ofMillis(95)),
                Map.entry("nats-server", Duration.ofMillis(60)));
    }

    @Test
    void ofPostgreSqlsClientBackendsOnlyThoseOfTheSystemsDatabasesCount() {
        Processes processes = new Processes(pids, "_bench_ab12");

        assertThat(processes.ofTheSystem("postgres: 15/main: postgres ticketing_orders_bench_ab12 127.0.0.1(40312) idle\0"))
                .isTrue();
        assertThat(processes.ofTheSystem("postgres: postgres ticketing_orders_bench_ab12 [local] idle")).isTrue();
        assertThat(processes.ofTheSystem("postgres: 15/main: postgres ticketing_orders_test 127.0.0.1(40313) idle"))
                .isFalse();
        assertThat(processes.ofTheSystem("postgres: 15/main: checkpointer ")).isTrue();
        assertThat(processes.ofTheSystem("postgres: 15/main: autovacuum launcher ")).isTrue();
        assertThat(processes.ofTheSystem("postgres: 15/main: logical replication launcher ")).isTrue();
        assertThat(processes.ofTheSystem("/usr/lib/postgresql/15/bin/postgres\0-D\0/var/lib/postgresql/15/main")).isTrue();
        assertThat(new Processes(pids).ofTheSystem("postgres: postgres other 127.0.0.1(1) idle")).isTrue();
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
