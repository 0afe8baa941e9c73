package dev.ticketing.expiration.hold;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a hold whose run failed is retried: after {@code backoff}, doubling up to
 * {@code maxBackoff}, without ever giving up. Defaults live in application.yml, beside the
 * environment variables that set them.
 */
@ConfigurationProperties("expiration.retry")
@Validated
record RetryProperties(@NotNull Duration backoff, @NotNull Duration maxBackoff) {
}
