package dev.ticketing.common.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events a listener answered "not yet", out of the stream's way: the consumer stores such an event
 * here and acknowledges it, so waiting events never fill the consumer's pending window and never
 * hold back newer ones. They are retried soon after other events were applied (one of them may be
 * what they wait for), and on a slow timer; one still not ready after {@code nats.not-yet-limit}
 * is parked like a failure. Replicas share the table: each retry locks its row, skipping rows that
 * another replica is retrying.
 */
class DeferredEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeferredEvents.class);
    /** The slow timer: retries events whose wait nothing shortened (and those of a replica that stopped). */
    private static final Duration TIMER = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int BATCH = 100;
    /** Retry rounds of one pass: an applied event may make others ready, in a chain. */
    private static final int MAX_ROUNDS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Listeners listeners;
    private final EventApplier applier;
    private final ParkedEvents parked;
    private final EventMetrics metrics;
    private final NatsProperties properties;
    private final BackgroundThread thread = new BackgroundThread("deferred-events");
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean running;

    DeferredEvents(JdbcClient jdbc, TransactionTemplate transactions, Listeners listeners, EventApplier applier,
                   ParkedEvents parked, EventMetrics metrics, NatsProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.listeners = listeners;
        this.applier = applier;
        this.parked = parked;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Keeps {@code event} for later (once, however often it arrives); the caller then acknowledges it. */
    void defer(IncomingEvent event, String reason) {
        jdbc.sql("""
                        INSERT INTO deferred_events (event_id, subject, payload, trace_parent, reason)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(event.id(), event.subject(), event.payload(), event.traceParent(), reason)
                .update();
    }

    /** Asks for a retry pass soon, after events were applied; calls while one is pending fold into it. */
    void wake() {
        if (running && wakePending.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakePending.set(false);
                retryDue();
            });
        }
    }

    /** Retries the events that are due, in the order they were deferred, while retries make progress. */
    void retryDue() {
        try {
            List<Row> due = due();
            for (int round = 0; round < MAX_ROUNDS && !due.isEmpty() && running; round++) {
                List<Row> waiting = new ArrayList<>();
                boolean progress = false;
                for (Row row : due) {
                    switch (retry(row)) {
                        case APPLIED -> progress = true;
                        case WAITING -> waiting.add(row);
                        case DONE -> { }
                    }
                }
                due = progress ? waiting : List.of();
            }
        } catch (RuntimeException e) {
            log.warn("Retrying deferred events failed, next try in {}: {}", TIMER, e.toString());
        }
    }

    private List<Row> due() {
        return jdbc.sql("""
                        SELECT event_id, subject, payload, trace_parent, attempts, failures, deferred_at
                        FROM deferred_events WHERE next_attempt_at <= now() ORDER BY deferred_at LIMIT ?""")
                .param(BATCH)
                .query(Row.class)
                .list();
    }

    private Outcome retry(Row row) {
        IncomingEvent event;
        try {
            event = listeners.read(row.eventId(), row.subject(), row.payload(), row.traceParent());
        } catch (UnreadableEventException e) {
            parkNow(row, e.getMessage(), row.attempts() + 1);
            return Outcome.DONE;
        }
        try {
            Boolean applied = transactions.execute(status -> {
                if (!lock(row.eventId())) {
                    return null;
                }
                boolean fresh = applier.apply(event);
                jdbc.sql("DELETE FROM deferred_events WHERE event_id = ?").param(row.eventId()).update();
                return fresh;
            });
            if (applied == null) {
                return Outcome.DONE;
            }
            metrics.count(row.subject(), applied ? EventMetrics.APPLIED : EventMetrics.DUPLICATE);
            return applied ? Outcome.APPLIED : Outcome.DONE;
        } catch (NotYetException e) {
            if (Duration.between(row.deferredAt().toInstant(), Instant.now()).compareTo(properties.notYetLimit()) >= 0) {
                parkNow(row, "not ready after " + properties.notYetLimit() + " (" + (row.attempts() + 1)
                        + " attempts): " + e.getMessage(), row.attempts() + 1);
                return Outcome.DONE;
            }
            postpone(row, e.getMessage(), 0);
            metrics.count(row.subject(), EventMetrics.NOT_YET);
            return Outcome.WAITING;
        } catch (RuntimeException | Error e) {
            if (row.failures() + 1 >= properties.maxDeliver()) {
                parkNow(row, e.toString(), row.attempts() + 1);
                return Outcome.DONE;
            }
            log.warn("Deferred event {} {} failed (failure {} of {}), retrying: {}",
                    row.subject(), row.eventId(), row.failures() + 1, properties.maxDeliver(), e.toString());
            postpone(row, e.toString(), 1);
            metrics.count(row.subject(), EventMetrics.RETRY);
            return Outcome.DONE;
        }
    }

    private boolean lock(UUID eventId) {
        return jdbc.sql("SELECT 1 FROM deferred_events WHERE event_id = ? FOR UPDATE SKIP LOCKED")
                .param(eventId).query(Integer.class).optional().isPresent();
    }

    /** Next attempt after a growing pause: the first retries come quickly, a long wait costs little. */
    private void postpone(Row row, String reason, int failed) {
        Duration backoff = Duration.ofMillis(200L << Math.min(row.attempts(), 8));
        Duration delay = backoff.compareTo(MAX_BACKOFF) < 0 ? backoff : MAX_BACKOFF;
        jdbc.sql("""
                        UPDATE deferred_events
                        SET attempts = attempts + 1, failures = failures + ?, reason = ?,
                            next_attempt_at = now() + make_interval(secs => ?)
                        WHERE event_id = ?""")
                .params(failed, reason, delay.toMillis() / 1000.0, row.eventId())
                .update();
    }

    private void parkNow(Row row, String error, long attempts) {
        transactions.executeWithoutResult(status -> {
            boolean stillDeferred = jdbc.sql("DELETE FROM deferred_events WHERE event_id = ?")
                    .param(row.eventId()).update() == 1;
            if (stillDeferred) {
                parked.park(row.eventId(), row.subject(), row.payload(), error, attempts);
            }
        });
    }

    @Override
    public void start() {
        thread.start();
        running = true;
        thread.every(TIMER, TIMER, this::retryDue);
    }

    @Override
    public void stop() {
        running = false;
        thread.stop(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private enum Outcome { APPLIED, WAITING, DONE }

    private record Row(UUID eventId, String subject, String payload, String traceParent, int attempts, int failures,
                       OffsetDateTime deferredAt) {
    }
}
