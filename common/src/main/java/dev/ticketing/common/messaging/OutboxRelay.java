package dev.ticketing.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to JetStream and deletes them once the stream acknowledged them. Right after
 * a commit it sends the rows that commit wrote, as handed over by the {@link Outbox} (no query),
 * and deletes them with one statement. Every few seconds it sweeps what is left (NATS away, the
 * stream lost, a crash before sending): replicas share that sweep safely, each taking rows with
 * SKIP LOCKED. A row sent twice (by both paths, or acknowledged and then the delete lost) carries
 * the same {@code Nats-Msg-Id}, so the stream drops the copy.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 256;
    private static final Duration SWEEP = Duration.ofSeconds(5);
    /** The sweep leaves rows this young to the after-commit path, which is sending them right now. */
    private static final Duration SWEEP_MIN_AGE = Duration.ofSeconds(2);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration QUIET_LOGGING = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Connection connection;
    private final JetStreamSetup setup;
    private final NatsProperties properties;
    private final Counter published;
    private final BackgroundThread thread = new BackgroundThread("outbox-relay");
    private final Queue<OutboxRow> committed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean running;
    private Instant lastFailureLogged = Instant.EPOCH;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Connection connection, JetStreamSetup setup,
                NatsProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connection = connection;
        this.setup = setup;
        this.properties = properties;
        this.published = Counter.builder("ticketing.events.published")
                .description("Events sent from the outbox and acknowledged by the stream").register(meters);
        Gauge.builder("ticketing.outbox.backlog", this, OutboxRelay::backlog)
                .description("Events recorded but not yet acknowledged by the stream").register(meters);
    }

    /** Sends rows that a transaction has just committed, soon; hand-overs while a send is pending join it. */
    void sendCommitted(Collection<OutboxRow> rows) {
        if (!running) {
            return;
        }
        committed.addAll(rows);
        if (wakePending.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakePending.set(false);
                sendCommitted();
            });
        }
    }

    private void sendCommitted() {
        try {
            List<OutboxRow> rows;
            while (!(rows = takeCommitted()).isEmpty()) {
                List<UUID> acknowledged = publish(rows);
                delete(acknowledged);
                if (acknowledged.size() < rows.size()) {
                    // NATS refused: the rest stays in the table for the sweep
                    committed.clear();
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            logFailure(e);
        }
    }

    private List<OutboxRow> takeCommitted() {
        List<OutboxRow> rows = new ArrayList<>();
        OutboxRow row;
        while (rows.size() < BATCH && (row = committed.poll()) != null) {
            rows.add(row);
        }
        return rows;
    }

    private void sweep() {
        try {
            while (running && sweepBatch() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException | Error e) {
            logFailure(e);
        }
    }

    private int sweepBatch() {
        Integer sent = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.sql("""
                            SELECT id, subject, payload, trace_parent FROM outbox
                            WHERE created_at < now() - make_interval(secs => ?)
                            ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(SWEEP_MIN_AGE.toSeconds(), BATCH)
                    .query(OutboxRow.class)
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<UUID> acknowledged = publish(rows);
            delete(acknowledged);
            return acknowledged.size() == rows.size() ? rows.size() : 0;
        });
        return sent == null ? 0 : sent;
    }

    private void delete(List<UUID> acknowledged) {
        if (!acknowledged.isEmpty()) {
            jdbc.sql("DELETE FROM outbox WHERE id = ANY(?)").param(acknowledged.toArray(UUID[]::new)).update();
            published.increment(acknowledged.size());
        }
    }

    /** Publishes the rows in order and returns the ids the stream acknowledged, up to the first failure. */
    private List<UUID> publish(List<OutboxRow> rows) {
        List<UUID> acknowledged = new ArrayList<>(rows.size());
        try {
            setup.ensureStream();
            JetStream js = connection.jetStream();
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                PublishOptions options = PublishOptions.builder()
                        .messageId(row.id().toString())
                        .expectedStream(properties.stream())
                        .build();
                acks.add(js.publishAsync(properties.subject(row.subject()), headers(row),
                        row.payload().getBytes(StandardCharsets.UTF_8), options));
            }
            for (int i = 0; i < rows.size(); i++) {
                acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // NATS away, or the stream gone ("no responders"): look for the stream again next time
            setup.recheck();
            logFailure(e);
        }
        return acknowledged;
    }

    private static Headers headers(OutboxRow row) {
        if (row.traceParent() == null) {
            return null;
        }
        return new Headers().put(MessageTracing.HEADER, row.traceParent());
    }

    private void logFailure(Throwable e) {
        Instant now = Instant.now();
        if (now.isAfter(lastFailureLogged.plus(QUIET_LOGGING))) {
            lastFailureLogged = now;
            log.warn("Outbox: events not sent yet, retrying every {} s ({}); {} waiting",
                    SWEEP.toSeconds(), e.toString(), backlog());
        }
    }

    private double backlog() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        thread.start();
        running = true;
        thread.every(Duration.ZERO, SWEEP, this::sweep);
    }

    @Override
    public void stop() {
        running = false;
        if (!thread.stop(Duration.ofSeconds(10))) {
            log.warn("Outbox relay did not finish within 10 s; unsent events stay in the outbox");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
