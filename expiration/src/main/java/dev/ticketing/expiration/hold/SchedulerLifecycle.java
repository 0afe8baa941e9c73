package dev.ticketing.expiration.hold;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts polling for due holds once the context is up (migrations applied), and stops with it:
 * no new holds are picked, running ones get {@code shutdownMaxWait} to finish. A hold cut short
 * stays in the table and another instance, or the next start, runs it.
 */
class SchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

    private final Scheduler scheduler;
    private final SchedulerProperties properties;
    private volatile boolean running;

    SchedulerLifecycle(Scheduler scheduler, SchedulerProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
        log.info("Order holds: polling every {} ms with {} threads",
                properties.pollingInterval().toMillis(), properties.threads());
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
