package dev.ticketing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;


/**
 * The transactions PostgreSQL has committed in the system's databases (those whose name ends in the
 * run's suffix), from {@code pg_stat_database}: the difference over a scenario, divided by its orders,
 * is how many transactions one order causes. Backends report their counts at most about a second
 * late, so a difference is close, not exact.
 */
final class Commits {

    private final String databaseSuffix;

    Commits(String databaseSuffix) {
        if (!databaseSuffix.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("a database suffix holds only letters, digits and _");
        }
        this.databaseSuffix = databaseSuffix;
    }

    long now() {
        String sql = "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE right(datname, "
                + databaseSuffix.length() + ") = '" + databaseSuffix + "'";
        try {
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc", sql, "postgres")
                    .redirectErrorStream(true).start();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (psql.waitFor() != 0 || !out.matches("[0-9]+")) {
                throw new IllegalStateException("psql said: " + out);
            }
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
