package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread of a lifecycle bean, made anew at every start: a stopped context (a
 * paused test context, a restarted service) starts again with a live thread, not a terminated one.
 */
final class BackgroundThread {

    private final String name;
    private volatile ScheduledExecutorService executor;

    BackgroundThread(String name) {
        this.name = name;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
    }

    void every(Duration first, Duration interval, Runnable task) {
        executor.scheduleWithFixedDelay(task, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} soon; asked while stopping, it is dropped: the next start's first pass does the work. */
    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the thread is being stopped
        }
    }

    /** Lets the task under way finish, waiting at most {@code wait}; false if it had not. */
    boolean stop(Duration wait) {
        executor.shutdown();
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Interrupts the task under way. */
    void stopNow() {
        executor.shutdownNow();
    }
}
