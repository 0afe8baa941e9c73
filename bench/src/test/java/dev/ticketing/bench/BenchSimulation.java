package dev.ticketing.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the bench simulations share: their parameters (a properties file that {@link Bench} writes,
 * named by the system property {@code bench.simulation}), the gateway as the only target, the
 * feeder of buyers' tokens and tickets, the order request, and a {@link Recording} of what was seen,
 * with the system's CPU and PostgreSQL's commits read when the injection starts and when the last
 * user ends. Run one with {@code mvn -pl bench gatling:test -Dgatling.simulationClass=...}; bench/run
 * prepares the feeder and the parameters.
 */
abstract class BenchSimulation extends Simulation {

    protected final Properties params = load();
    protected final Recording recording = new Recording();
    private final Processes processes = new Processes(Path.of(param("pids")), param("dbSuffix"));
    private final Commits commits = new Commits(param("dbSuffix"));

    protected final HttpProtocolBuilder protocol = http.baseUrl(param("gateway"))
            .disableWarmUp() // its default warm-up request would go to a host on the internet
            .acceptHeader("application/json")
            .contentTypeHeader("application/json");

    protected final FeederBuilder<String> feeder = csv(param("feeder")).queue();

    /** The number of rows in the feeder, so a loop can stop before the queue runs dry. */
    protected final int orders = Integer.parseInt(param("orders"));

    /**
     * Places the order the feeder's row names and records its answer; {@code expected} is the check
     * that makes Gatling count an answer OK in its report.
     */
    protected ChainBuilder order(String name, CheckBuilder expected) {
        return exec(session -> {
                    long sent = System.nanoTime();
                    beforeOrder(Integer.parseInt(session.getString("seq")), sent);
                    return session.set("sent", sent);
                })
                .exec(http(name).post("/api/orders")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"ticketId\":\"#{ticketId}\"}"))
                        .check(status().saveAs("status"), expected))
                .exec(session -> {
                    long answered = System.nanoTime();
                    int status = session.contains("status") ? session.getInt("status") : Recording.NO_ANSWER;
                    recording.record(status, session.getLong("sent"), answered);
                    afterOrder(Integer.parseInt(session.getString("seq")), session.getLong("sent"), answered);
                    return session.remove("status");
                });
    }

    /** For a simulation that wants more of each order than {@link Recording#record}: called as it is sent. */
    protected void beforeOrder(int seq, long sentNanos) {
    }

    /** Called as its answer (or its failure) comes back. */
    protected void afterOrder(int seq, long sentNanos, long answeredNanos) {
    }

    protected String param(String name) {
        String value = params.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("no " + name + " in the simulation's parameters " + paramsFile());
        }
        return value;
    }

    @Override
    public void before() {
        recording.snapshot("before", processes.cpu(), commits.now());
    }

    @Override
    public void after() {
        recording.snapshot("after", processes.cpu(), commits.now());
        try {
            recording.write(Path.of(param("out")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path paramsFile() {
        return Path.of(System.getProperty("bench.simulation", "target/simulation.properties"));
    }

    private static Properties load() {
        Properties params = new Properties();
        try (Reader in = Files.newBufferedReader(paramsFile())) {
            params.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulation's parameters (written by bench/run): " + e.getMessage(), e);
        }
        return params;
    }
}
