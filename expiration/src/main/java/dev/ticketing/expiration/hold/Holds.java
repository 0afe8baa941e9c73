package dev.ticketing.expiration.hold;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts orders on hold: one durable task per order, due when the order expires. */
@Service
public class Holds {

    private static final Logger log = LoggerFactory.getLogger(Holds.class);

    private final SchedulerClient scheduler;
    private final OneTimeTask<Hold> task;
    private final FiredExpirations fired;
    private final JdbcClient jdbc;
    private final HoldMetrics metrics;

    Holds(SchedulerClient scheduler, OneTimeTask<Hold> task, FiredExpirations fired, JdbcClient jdbc,
          HoldMetrics metrics) {
        this.scheduler = scheduler;
        this.task = task;
        this.fired = fired;
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * Holds the order until {@code expiresAt} (a past instant runs out at once). Runs in the
     * caller's transaction, so the hold exists exactly when the event that asked for it is
     * recorded as processed. Changes nothing when the order is held already or its hold already
     * ran out: a duplicate {@code order.created} never schedules a second expiry.
     */
    @Transactional
    public void hold(UUID orderId, Instant expiresAt) {
        // two copies of one order.created (different event ids) may be handled at once by two
        // instances; taking turns keeps db-scheduler's check-then-insert from failing the second
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(lockKey(orderId)).query().listOfRows();
        if (fired.contains(orderId)) {
            log.info("Order {} already expired; duplicate order.created ignored", orderId);
            return;
        }
        if (scheduler.scheduleIfNotExists(task.instance(orderId.toString(), new Hold(expiresAt)), expiresAt)) {
            metrics.scheduled();
            log.info("Order {} held until {}", orderId, expiresAt);
        } else {
            log.info("Order {} already held; duplicate order.created ignored", orderId);
        }
    }

    private static long lockKey(UUID orderId) {
        return orderId.getMostSignificantBits() ^ orderId.getLeastSignificantBits();
    }
}
