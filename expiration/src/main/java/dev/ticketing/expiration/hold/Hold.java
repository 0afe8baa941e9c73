package dev.ticketing.expiration.hold;

import dev.ticketing.common.events.Timestamp;
import java.time.Instant;

/**
 * What a hold's task carries besides its id (the order id): when the order expires. Kept apart
 * from the task's execution time, which moves when a failed run is retried, so lateness is
 * always measured from the order's own deadline.
 */
public record Hold(@Timestamp Instant expiresAt) {
}
