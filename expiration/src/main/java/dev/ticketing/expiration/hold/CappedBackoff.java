package dev.ticketing.expiration.hold;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;

/**
 * Retries a hold whose run failed (database or outbox away) soon, then less often, doubling up to
 * a cap, and never gives up: an order whose hold is dropped would stay reserved for ever.
 */
final class CappedBackoff<T> implements FailureHandler<T> {

    private final Duration first;
    private final Duration max;

    CappedBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        operations.reschedule(complete, complete.getTimeDone().plus(delay(complete.getExecution().consecutiveFailures)));
    }

    /** The wait after a failure that followed {@code earlierFailures} others. */
    Duration delay(int earlierFailures) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(earlierFailures, 0), 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
