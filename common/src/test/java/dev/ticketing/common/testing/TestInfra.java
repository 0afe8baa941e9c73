package dev.ticketing.common.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Names for one test run: its own databases, stream and subjects, with a random suffix, so tests
 * never touch a running system's data. The databases are dropped when the test JVM exits.
 */
public final class TestInfra {

    public static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    public static final String NATS_URL = env("NATS_URL", "nats://127.0.0.1:4222");
    public static final String STREAM = "TICKETING_TEST_" + SUFFIX.toUpperCase(Locale.ROOT);
    public static final String SUBJECT_PREFIX = "test_" + SUFFIX + ".";
    public static final String JWT_KEY = "test-only-jwt-key-of-at-least-32-bytes-long";
    /** The PostgreSQL the settings name, with their credentials, as the services and scripts/ensure-servers use them. */
    public static final String DB_USER = env("DB_USER", "postgres");
    public static final String DB_PASSWORD = env("DB_PASSWORD", "");
    private static final String PG = env("TEST_PG",
            "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/");
    private static boolean cleanupRegistered;

    private TestInfra() {
    }

    public static String databaseName(String service) {
        return "ticketing_" + service + "_test_" + SUFFIX;
    }

    public static String databaseUrl(String service) {
        return PG + databaseName(service);
    }

    /** Points a Spring test context of {@code service} at this run's database, stream and subjects. */
    public static void register(DynamicPropertyRegistry registry, String service) {
        register(registry, service, STREAM, SUBJECT_PREFIX);
    }

    /**
     * Points a test context at a database, stream and subjects of its own, for a test that must see
     * no other context's consumers (or that deletes its stream): names made with {@link #isolatedStream}
     * and {@link #isolatedPrefix}.
     */
    public static void register(DynamicPropertyRegistry registry, String service, String stream, String subjectPrefix) {
        registry.add("spring.datasource.url", () -> databaseUrl(service));
        registry.add("spring.datasource.username", () -> DB_USER);
        registry.add("spring.datasource.password", () -> DB_PASSWORD);
        registry.add("nats.url", () -> NATS_URL);
        registry.add("nats.stream", () -> stream);
        registry.add("nats.subject-prefix", () -> subjectPrefix);
        // the shared server reserves a stream's cap on its disk: test streams keep the reservation small
        registry.add("nats.max-bytes", () -> "64MB");
        registry.add("jwt.key", () -> JWT_KEY);
        dropDatabasesOnExit();
    }

    /** Once every Spring context of the run has closed: before, a running consumer would recreate the stream. */
    /** A stream of this run's own for one test class, deleted with the run's stream. */
    public static String isolatedStream(String name) {
        return STREAM + "_" + name.toUpperCase(Locale.ROOT);
    }

    public static String isolatedPrefix(String name) {
        return "test_" + SUFFIX + "_" + name + ".";
    }

    private static synchronized void dropDatabasesOnExit() {
        if (cleanupRegistered) {
            return;
        }
        cleanupRegistered = true;
        SpringApplication.getShutdownHandlers().add(() -> {
            dropDatabases();
            deleteStreams();
        });
    }

    private static void dropDatabases() {
        try (Connection c = DriverManager.getConnection(PG + "postgres", DB_USER, DB_PASSWORD)) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'ticketing\\_%\\_test\\_" + SUFFIX + "'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String name : names) {
                c.createStatement().execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases: " + e.getMessage());
        }
    }

    private static void deleteStreams() {
        try (io.nats.client.Connection nats = io.nats.client.Nats.connect(NATS_URL)) {
            for (String stream : nats.jetStreamManagement().getStreamNames()) {
                if (stream.startsWith(STREAM)) {
                    nats.jetStreamManagement().deleteStream(stream);
                }
            }
        } catch (Exception e) {
            // nothing to delete, or NATS is gone: the streams hold only this run's test events
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
