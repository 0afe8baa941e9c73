package dev.ticketing.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to JetStream and deletes them once the stream acknowledged them. It runs
 * right after a commit that added rows, and every second to retry what is left (NATS away, a
 * crash before sending). Replicas share the table safely: each takes rows with SKIP LOCKED.
 * A row sent twice (acknowledged, then the delete lost) carries the same {@code Nats-Msg-Id}, so
 * the stream drops the copy.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 256;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration QUIET_LOGGING = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Connection connection;
    private final JetStreamSetup setup;
    private final NatsProperties properties;
    private final Counter published;
    private volatile ScheduledExecutorService executor;
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

    /** Asks for a send soon; calls while one is pending are folded into it. */
    void wake() {
        if (running && wakePending.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakePending.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            while (running && sendBatch() == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException | Error e) {
            logFailure(e);
        }
    }

    private int sendBatch() {
        Integer sent = transactions.execute(status -> {
            List<Row> rows = jdbc.sql("SELECT id, subject, payload FROM outbox ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED")
                    .param(BATCH)
                    .query(Row.class)
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            List<UUID> acknowledged = publish(rows);
            if (!acknowledged.isEmpty()) {
                jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)").param("ids", acknowledged).update();
                published.increment(acknowledged.size());
            }
            return acknowledged.size() == rows.size() ? rows.size() : 0;
        });
        return sent == null ? 0 : sent;
    }

    private List<UUID> publish(List<Row> rows) {
        List<UUID> acknowledged = new ArrayList<>(rows.size());
        try {
            setup.ensureStream();
            JetStream js = connection.jetStream();
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                PublishOptions options = PublishOptions.builder()
                        .messageId(row.id().toString())
                        .expectedStream(properties.stream())
                        .build();
                acks.add(js.publishAsync(properties.subject(row.subject()),
                        row.payload().getBytes(StandardCharsets.UTF_8), options));
            }
            for (int i = 0; i < rows.size(); i++) {
                acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            logFailure(e);
        }
        return acknowledged;
    }

    private void logFailure(Throwable e) {
        Instant now = Instant.now();
        if (now.isAfter(lastFailureLogged.plus(QUIET_LOGGING))) {
            lastFailureLogged = now;
            log.warn("Outbox: events not sent yet, retrying every second ({}); {} waiting", e.toString(), backlog());
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
        // a new thread per start: a stopped context (a paused test context, a restart) starts again
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        running = true;
        executor.scheduleWithFixedDelay(this::drain, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Outbox relay did not finish within 10 s; unsent events stay in the outbox");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(UUID id, String subject, String payload) {
    }
}
