package dev.ticketing.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        Process mvn = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
        int exit = mvn.waitFor();
        if (exit != 0 || !Files.exists(out)) {
            throw new IllegalStateException(simulation + " failed (mvn exit " + exit + "); its output is above");
        }
        keepReport(target.resolve("gatling"), reportOf(repo, name));
        return Recording.read(out);
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
