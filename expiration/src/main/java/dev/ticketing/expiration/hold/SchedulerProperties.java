package dev.ticketing.expiration.hold;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How db-scheduler runs the holds. {@code pollingInterval} bounds how late a hold fires (a due
 * hold waits at most one poll); {@code heartbeatInterval} decides how soon another instance takes
 * over a hold whose instance died while running it; a failed run is retried after
 * {@code retryBackoff}, doubling up to {@code maxRetryBackoff}, without ever giving up.
 */
@ConfigurationProperties("expiration.scheduler")
public record SchedulerProperties(
        @DefaultValue("100ms") Duration pollingInterval,
        @DefaultValue("4") int threads,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration shutdownMaxWait,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("1m") Duration maxRetryBackoff) {
}
