package dev.ticketing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor for P1: pgbench running the orders service's reservation transaction (read the ticket;
 * insert the order unless an active order holds the ticket, in the one statement
 * {@code INSERT ... ON CONFLICT (ticket_id) WHERE status IN ('created', 'awaiting:payment', 'complete')
 * DO NOTHING} that {@code Orders.insertUnlessReserved} runs; insert an outbox row, with its trace)
 * straight against the same PostgreSQL, with the same number of clients. The outbox row goes to a
 * copy of the table so the service's relay does not send it.
 */
final class Pgbench {

    record Result(double tps, double latencyMillis, long transactions) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: ([0-9]+)");
    private static final int TICKETS_PER_CLIENT = 20_000;

    private final String database;

    Pgbench(String database) {
        this.database = database;
    }

    /** Seeds the tickets the transactions reserve (done before the measured run, it costs more than the run). */
    void prepare(int clients) throws IOException, InterruptedException {
        psql("CREATE TABLE IF NOT EXISTS bench_outbox (LIKE outbox INCLUDING ALL)");
        psql("INSERT INTO tickets (id, title, price, user_id, version) "
                + "SELECT md5('pg' || n)::uuid, 'pgbench', 10, gen_random_uuid(), 0 "
                + "FROM generate_series(0, " + (clients * TICKETS_PER_CLIENT) + ") n ON CONFLICT DO NOTHING");
    }

    /** Runs the transaction from {@code clients} connections for {@code seconds}, on tickets {@link #prepare} seeded. */
    Result run(int clients, int seconds) throws IOException, InterruptedException {
        Path script = Files.createTempFile("reserve", ".sql");
        Files.writeString(script, String.join("\n",
                "\\set n :client_id * " + TICKETS_PER_CLIENT + " + :i",
                "\\set i :i + 1",
                "BEGIN;",
                "SELECT id, title, price, user_id, version FROM tickets WHERE id = md5('pg' || :n)::uuid;",
                // E'\x3a' is ':', which pgbench would otherwise read as a variable in 'awaiting:payment';
                // it is the same constant, so the partial unique index is the arbiter as in the service
                "INSERT INTO orders (id, user_id, status, expires_at, version, ticket_id, ticket_title, ticket_price,"
                        + " ticket_version) VALUES (gen_random_uuid(), gen_random_uuid(), 'created',"
                        + " now() + interval '15 minutes', 0, md5('pg' || :n)::uuid, 'pgbench', 10, 0)"
                        + " ON CONFLICT (ticket_id) WHERE status IN ('created', E'awaiting\\x3apayment', 'complete')"
                        + " DO NOTHING;",
                "INSERT INTO bench_outbox (id, subject, payload, trace_parent) VALUES (gen_random_uuid(), 'order.created',"
                        + " '{\"id\":\"00000000-0000-0000-0000-000000000000\",\"version\":0,\"status\":\"created\"}',"
                        + " '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');",
                "COMMIT;", ""));
        String output = exec(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", "2", "-T", String.valueOf(seconds), "-D", "i=0", "-f", script.toString(), database));
        return new Result(number(TPS, output), number(LATENCY, output), (long) number(TRANSACTIONS, output));
    }

    private void psql(String sql) throws IOException, InterruptedException {
        exec(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql, database));
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(command.get(0) + " failed: " + output);
        }
        return output;
    }

    private static double number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
