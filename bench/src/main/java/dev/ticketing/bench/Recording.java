package dev.ticketing.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Gatling simulation saw, beside Gatling's own report: every answer's status, the time from
 * the first request sent to the last answer received, each request's latency (from sent, and for the
 * open loop from when it was due), and the system's CPU time (from the launcher's pid folder) and
 * PostgreSQL's commit count when the injection started and when the last user ended. The simulation
 * writes it as a properties file; {@link Bench} reads it back.
 */
final class Recording {

    /** What {@link #record} counts for a request that got no answer (refused connection, timeout). */
    static final int NO_ANSWER = 599;

    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnswered = new AtomicLong(Long.MIN_VALUE);
    private final Latencies latencies = new Latencies();
    private final Latencies fromSchedule = new Latencies();
    private final Properties snapshots = new Properties();

    /** One request: its answer's status ({@link #NO_ANSWER} if none), when it was sent and answered ({@link System#nanoTime}). */
    void record(int status, long sentNanos, long answeredNanos) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        firstSent.accumulateAndGet(sentNanos, Math::min);
        lastAnswered.accumulateAndGet(answeredNanos, Math::max);
        latencies.add(answeredNanos - sentNanos);
    }

    /**
     * The latency of a request of the open loop from when it was due: a request sent late (the load
     * generator starved of CPU) counts the wait too, and one sent early counts from when it was sent.
     */
    void recordFromSchedule(long dueNanos, long sentNanos, long answeredNanos) {
        fromSchedule.add(answeredNanos - Math.min(dueNanos, sentNanos));
    }

    /** Keeps the system's CPU by process and PostgreSQL's commits as they are now, under {@code name} (before, after). */
    void snapshot(String name, Map<String, Duration> cpu, long commits) {
        cpu.forEach((process, used) -> snapshots.setProperty("cpu." + name + "." + process, String.valueOf(used.toNanos())));
        snapshots.setProperty("commits." + name, String.valueOf(commits));
    }

    Properties toProperties() {
        Properties out = new Properties();
        out.putAll(snapshots);
        int requests = 0;
        for (Map.Entry<Integer, AtomicInteger> status : statuses.entrySet()) {
            out.setProperty("status." + status.getKey(), String.valueOf(status.getValue().get()));
            requests += status.getValue().get();
        }
        out.setProperty("requests", String.valueOf(requests));
        out.setProperty("ended", String.valueOf(System.currentTimeMillis()));
        out.setProperty("seconds", String.valueOf(requests == 0 ? 0 : (lastAnswered.get() - firstSent.get()) / 1e9));
        out.setProperty("p50", String.valueOf(latencies.percentileMillis(50)));
        out.setProperty("p99", String.valueOf(latencies.percentileMillis(99)));
        out.setProperty("max", String.valueOf(latencies.percentileMillis(100)));
        if (fromSchedule.count() > 0) {
            out.setProperty("scheduled.p50", String.valueOf(fromSchedule.percentileMillis(50)));
            out.setProperty("scheduled.p99", String.valueOf(fromSchedule.percentileMillis(99)));
            out.setProperty("scheduled.max", String.valueOf(fromSchedule.percentileMillis(100)));
        }
        return out;
    }

    void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            toProperties().store(out, "what a bench simulation saw");
        }
    }

    /**
     * A recording read back: the figures {@link Bench} and {@link Report} use, with Gatling's own
     * p50 and p99 response time (NaN when not known) beside the recording's.
     */
    record Seen(Map<Integer, Integer> statuses, int requests, double seconds, double p50, double p99, double max,
                double scheduledP50, double scheduledP99, Map<String, Duration> cpuUsed, long commits,
                double gatlingP50, double gatlingP99, Map<String, Duration> cpuBefore, long commitsBefore,
                long endedEpochMillis) {

        /** Seconds from when the simulation ended (its last user done) until {@code nowEpochMillis}. */
        double secondsSinceEnd(long nowEpochMillis) {
            return (nowEpochMillis - endedEpochMillis) / 1000.0;
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** Answers with a status in [from, to), {@link #NO_ANSWER} included when it is in the range. */
        int between(int from, int to) {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        double perSecond() {
            return requests / seconds;
        }
    }

    static Seen read(Path file) throws IOException {
        Properties in = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            in.load(reader);
        }
        return read(in);
    }

    static Seen read(Properties in) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Duration> before = new TreeMap<>();
        Map<String, Duration> after = new TreeMap<>();
        for (String key : in.stringPropertyNames()) {
            String value = in.getProperty(key);
            if (key.startsWith("status.")) {
                statuses.put(Integer.parseInt(key.substring(7)), Integer.parseInt(value));
            } else if (key.startsWith("cpu.before.")) {
                before.put(key.substring(11), Duration.ofNanos(Long.parseLong(value)));
            } else if (key.startsWith("cpu.after.")) {
                after.put(key.substring(10), Duration.ofNanos(Long.parseLong(value)));
            }
        }
        Map<String, Duration> used = new java.util.LinkedHashMap<>();
        // the machine first, then the services and servers in the order Processes reads them
        Processes.used(before, after).entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, Duration> e) -> !e.getKey().equals(Processes.MACHINE))
                        .thenComparing(e -> Processes.SERVERS.indexOf(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> used.put(e.getKey(), e.getValue()));
        long commits = Long.parseLong(in.getProperty("commits.after", "0")) - Long.parseLong(in.getProperty("commits.before", "0"));
        return new Seen(statuses, Integer.parseInt(in.getProperty("requests", "0")),
                Double.parseDouble(in.getProperty("seconds", "0")), number(in, "p50"), number(in, "p99"),
                number(in, "max"), number(in, "scheduled.p50"), number(in, "scheduled.p99"), used, commits,
                number(in, "gatling.p50"), number(in, "gatling.p99"), before,
                Long.parseLong(in.getProperty("commits.before", "0")), Long.parseLong(in.getProperty("ended", "0")));
    }

    private static double number(Properties in, String key) {
        return Double.parseDouble(in.getProperty(key, "NaN"));
    }
}
