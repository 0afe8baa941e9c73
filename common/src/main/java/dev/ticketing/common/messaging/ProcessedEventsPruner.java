package dev.ticketing.common.messaging;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes processed-event ids once no copy of their event can arrive any more
 * ({@link NatsProperties#processedEventsRetention()}), hourly and in small batches, so the table
 * stays small without ever holding a lock for long. Parked events are kept.
 */
class ProcessedEventsPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPruner.class);
    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final NatsProperties properties;
    private final BackgroundThread thread = new BackgroundThread("processed-events-pruner");
    private volatile boolean running;

    ProcessedEventsPruner(JdbcClient jdbc, NatsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Deletes every id older than the retention, a batch at a time; returns how many. */
    long prune() {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM processed_events WHERE event_id IN (
                                SELECT event_id FROM processed_events
                                WHERE processed_at < now() - make_interval(secs => ?)
                                LIMIT ? FOR UPDATE SKIP LOCKED)""")
                    .params(properties.processedEventsRetention().toSeconds(), BATCH)
                    .update();
            total += deleted;
        } while (deleted == BATCH && running);
        return total;
    }

    private void pruneQuietly() {
        try {
            long pruned = prune();
            if (pruned > 0) {
                log.info("Pruned {} processed-event ids older than {}", pruned, properties.processedEventsRetention());
            }
        } catch (RuntimeException e) {
            log.warn("Pruning processed-event ids failed, next try in {}: {}", INTERVAL, e.toString());
        }
    }

    @Override
    public void start() {
        thread.start();
        running = true;
        thread.every(FIRST_RUN, INTERVAL, this::pruneQuietly);
    }

    @Override
    public void stop() {
        running = false;
        thread.stopNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
