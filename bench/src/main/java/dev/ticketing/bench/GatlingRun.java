package dev.ticketing.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one of the Gatling simulations (bench/src/test/java) through the Maven plugin, as a user
 * would ({@code mvn -pl bench gatling:test -Dgatling.simulationClass=...}), with Gatling's progress
 * on this process's output; then keeps its HTML report as {@code bench/report/<name>/} (the last
 * run's, replacing the one before) and reads back the simulation's {@link Recording}.
 */
final class GatlingRun {

    private final Path repo;

    GatlingRun(Path repo) {
        this.repo = repo;
    }

    /** The folder of the kept report of {@code name}, under the repository. */
    static Path reportOf(Path repo, String name) {
        return repo.resolve("bench/report").resolve(name);
    }

    Recording.Seen run(String simulation, String name, Map<String, String> params) throws IOException, InterruptedException {
        Path target = repo.resolve("bench/target");
        Files.createDirectories(target);
        Path out = target.resolve("recording-" + name + ".properties");
        Files.deleteIfExists(out);
        Path paramsFile = target.resolve("simulation-" + name + ".properties");
        Properties props = new Properties();
        props.putAll(params);
        props.setProperty("out", out.toString());
        try (Writer w = Files.newBufferedWriter(paramsFile)) {
            props.store(w, "parameters of " + simulation + ", written by Bench");
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "--no-transfer-progress", "-pl", "bench", "gatling:test",
                "-Dgatling.simulationClass=dev.ticketing.bench." + simulation,
                "-Dgatling.runDescription=" + name,
                "-Dbench.simulation=" + paramsFile));
        Process mvn = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(mvn.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line); // Gatling's progress, every few seconds
                output.add(line);
            }
        }
        int exit = mvn.waitFor();
        if (exit != 0 || !Files.exists(out)) {
            throw new IllegalStateException(simulation + " failed (mvn exit " + exit + "); its output is above");
        }
        keepReport(target.resolve("gatling"), reportOf(repo, name));
        Properties seen = new Properties();
        try (Reader in = Files.newBufferedReader(out)) {
            seen.load(in);
        }
        seen.putAll(gatlingSummary(output));
        return Recording.read(seen);
    }

    private static final Pattern SUMMARY_LINE = Pattern.compile(
            "^> (request count|response time 50th percentile \\(ms\\)|response time 99th percentile \\(ms\\))\\s+\\|\\s+([0-9.,]+)\\s+\\|\\s+([0-9.,]+|-)\\s+\\|\\s+([0-9.,]+|-)");

    /**
     * Gatling's own figures from the global summary it prints at the end of a run (its HTML report
     * holds them too, but only as markup): its p50 and p99 response time of all requests, from when
     * each was sent, and its count of OK and KO requests, as {@code gatling.*} properties.
     */
    static Properties gatlingSummary(List<String> output) {
        Properties summary = new Properties();
        for (String line : output) {
            Matcher m = SUMMARY_LINE.matcher(line.trim());
            if (!m.find()) {
                continue;
            }
            switch (m.group(1)) {
                case "request count" -> {
                    summary.setProperty("gatling.ok", plain(m.group(3)));
                    summary.setProperty("gatling.ko", plain(m.group(4)));
                }
                case "response time 50th percentile (ms)" -> summary.setProperty("gatling.p50", plain(m.group(2)));
                default -> summary.setProperty("gatling.p99", plain(m.group(2)));
            }
        }
        return summary;
    }

    private static String plain(String number) {
        return number.equals("-") ? "0" : number.replace(",", "");
    }

    /** Copies the newest run folder under {@code results} to {@code kept}, without the raw simulation.log. */
    static void keepReport(Path results, Path kept) throws IOException {
        Path newest;
        try (Stream<Path> runs = Files.list(results)) {
            newest = runs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("index.html")))
                    .max(Comparator.comparing(GatlingRun::modified)).orElse(null);
        }
        if (newest == null) {
            Bench.log("no Gatling report under " + results);
            return;
        }
        delete(kept);
        try (Stream<Path> files = Files.walk(newest)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = kept.resolve(newest.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().equals("simulation.log")) {
                    Files.copy(file, copy);
                }
            }
        }
        Bench.log("Gatling report: " + kept.resolve("index.html"));
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
