package dev.ticketing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes that make up the running system: each service (from the launcher's pid files),
 * PostgreSQL (all its processes) and nats-server. Reads their CPU time, to show where a
 * scenario's CPU went, and each service's resident memory.
 */
final class Processes {

    /** The entry of {@link #cpu()} that is the whole machine's busy time rather than a process's. */
    static final String MACHINE = "machine";
    /** The servers of the system, by command name: their processes on the machine are counted. */
    static final List<String> SERVERS = List.of("postgres", "nats-server");
    /** A server process's entry in {@link #cpu()}: the server's name, this separator, the pid. */
    private static final String PID = "#";
    /** A PostgreSQL client backend's title: user, database, client (after the cluster's name, if any). */
    private static final Pattern BACKEND = Pattern.compile("^postgres: (?:\\S+: )?\\S+ (\\S+) (?:\\S+\\(\\d+\\)|\\[local\\])");

    private final Path pidDir;
    private final String databaseSuffix;

    /** The system whose services have their pid files in {@code pidDir}, with every PostgreSQL backend counted. */
    Processes(Path pidDir) {
        this(pidDir, "");
    }

    /**
     * The same, counting of PostgreSQL's client backends only those of the system's databases (whose
     * name ends in {@code databaseSuffix}), so that other users of a shared server do not count; its
     * background processes (checkpointer, WAL writer, autovacuum ...) all count.
     */
    Processes(Path pidDir, String databaseSuffix) {
        this.pidDir = pidDir;
        this.databaseSuffix = databaseSuffix;
    }

    /**
     * CPU time used so far: by each service instance, by each process of a server (as
     * {@code postgres#1234}: {@link #used} sums them per server), and the {@link #MACHINE}'s busy time.
     */
    Map<String, Duration> cpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put(MACHINE, machineBusy());
        services().forEach((service, pid) -> cpu.put(service, cpuOf(ProcessHandle.of(pid))));
        for (String server : SERVERS) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/" + server)).orElse(false))
                    .filter(p -> !server.equals("postgres") || ofTheSystem(readIfThere(Path.of("/proc", String.valueOf(p.pid()), "cmdline"))))
                    .forEach(p -> cpu.put(server + PID + p.pid(), cpuOf(Optional.of(p))));
        }
        return cpu;
    }

    /** Whether a PostgreSQL process (by its title, NUL-separated as in /proc) works for the system. */
    boolean ofTheSystem(String cmdline) {
        Matcher backend = BACKEND.matcher(cmdline.replace('\0', ' ').trim());
        return !backend.find() || backend.group(1).endsWith(databaseSuffix);
    }

    /**
     * CPU time the whole machine has been busy (all cores, every process, the kernel's own work
     * included), from {@code /proc/stat}, in its clock ticks of 10 ms.
     */
    static Duration machineBusy() {
        String[] ticks = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < ticks.length && i <= 8; i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(ticks[i]);
            }
        }
        return Duration.ofMillis(busy * 10);
    }

    /**
     * CPU used between two readings of {@link #cpu()}, by process name, each server's processes summed:
     * one that started in between counts all its time, one that ended in between counts nothing (its
     * last time is not known), so the sum never goes down as backends come and go.
     */
    static Map<String, Duration> used(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (String server : SERVERS) {
            used.put(server, Duration.ZERO);
        }
        Map<String, Duration> services = new LinkedHashMap<>();
        after.forEach((name, total) -> {
            Duration earlier = before.getOrDefault(name, Duration.ZERO);
            Duration delta = total.compareTo(earlier) >= 0 ? total.minus(earlier) : total; // a pid used again: a new process
            int at = name.indexOf(PID);
            if (at > 0) {
                used.merge(name.substring(0, at), delta, Duration::plus);
            } else if (SERVERS.contains(name)) {
                used.merge(name, delta, Duration::plus);
            } else {
                services.put(name, delta);
            }
        });
        Map<String, Duration> ordered = new LinkedHashMap<>(services);
        used.forEach(ordered::put);
        return ordered;
    }

    /** Each service's resident memory in MiB. */
    Map<String, Long> residentMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        services().forEach((service, pid) -> rss.put(service, residentKiB(pid) / 1024));
        return rss;
    }

    /**
     * Every instance in the pid folder, by the name of its pid file: a service (orders) and each of its
     * replicas (orders-2). A pid file that holds no number (being written, or left empty) is passed over.
     */
    Map<String, Long> services() {
        Map<String, Long> pids = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(pidDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().forEach(f -> {
                String pid = readIfThere(f).trim();
                if (pid.matches("[0-9]+")) {
                    String name = f.getFileName().toString();
                    pids.put(name.substring(0, name.length() - ".pid".length()), Long.parseLong(pid));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /** The CPU time of the system alone (services and servers, not the {@link #MACHINE}) in {@code cpu}. */
    static Duration system(Map<String, Duration> cpu) {
        return cpu.entrySet().stream().filter(e -> !e.getKey().equals(MACHINE)).map(Map.Entry::getValue)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration cpuOf(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /** A process that has ended (its pid file left behind) has none. */
    private static long residentKiB(long pid) {
        return readIfThere(Path.of("/proc", String.valueOf(pid), "status")).lines()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(0L);
    }

    private static String readIfThere(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
