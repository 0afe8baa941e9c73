package dev.ticketing.expiration.hold;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Holds scheduled and fired, how late they fire (now − expiresAt when expiration.complete is
 * recorded: the polling interval plus the work), and how many are pending.
 */
@Component
class HoldMetrics {

    private final Counter scheduled;
    private final Counter fired;
    private final Timer lateness;
    private final JdbcClient jdbc;

    HoldMetrics(MeterRegistry meters, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.scheduled = Counter.builder("ticketing.expiration.scheduled")
                .description("Order holds scheduled").register(meters);
        this.fired = Counter.builder("ticketing.expiration.fired")
                .description("Order holds that ran out: expiration.complete recorded").register(meters);
        this.lateness = Timer.builder("ticketing.expiration.lateness")
                .description("Time from an order's expiresAt to its expiration.complete being recorded")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        Gauge.builder("ticketing.expiration.pending", this, HoldMetrics::pending)
                .description("Order holds waiting to run out").register(meters);
    }

    void scheduled() {
        scheduled.increment();
    }

    void fired(Duration late) {
        fired.increment();
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    private double pending() {
        try {
            return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?")
                    .param(SchedulerConfiguration.HOLD_TASK).query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
