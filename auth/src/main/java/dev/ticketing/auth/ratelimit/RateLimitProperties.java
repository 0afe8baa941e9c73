package dev.ticketing.auth.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits of sign-in and sign-up, kept as Bucket4j buckets in Redis so every replica of auth
 * shares them. {@code keyPrefix} lets several systems (or test runs) share one Redis. The defaults
 * live in application.yml, beside the environment variables that set them.
 */
@ConfigurationProperties("auth.rate-limit")
public record RateLimitProperties(
        boolean enabled,
        String redisUrl,
        Duration redisTimeout,
        String keyPrefix,
        int emailPerMinute,
        int addressPerMinute) {

    public RateLimitProperties {
        if (emailPerMinute < 1 || addressPerMinute < 1) {
            throw new IllegalArgumentException(
                    "RATE_LIMIT_EMAIL_PER_MINUTE and RATE_LIMIT_ADDRESS_PER_MINUTE must be at least 1");
        }
        if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("REDIS_TIMEOUT must be positive");
        }
    }
}
