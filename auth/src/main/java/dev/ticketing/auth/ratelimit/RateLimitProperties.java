package dev.ticketing.auth.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of sign-in and sign-up, kept as Bucket4j buckets in Redis so every replica of auth
 * shares them. {@code keyPrefix} lets several systems (or test runs) share one Redis.
 */
@ConfigurationProperties("auth.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
        @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("ticketing:auth:") String keyPrefix,
        @DefaultValue("10") int emailPerMinute,
        @DefaultValue("30") int addressPerMinute) {

    public RateLimitProperties {
        if (emailPerMinute < 1 || addressPerMinute < 1) {
            throw new IllegalArgumentException(
                    "RATE_LIMIT_EMAIL_PER_MINUTE and RATE_LIMIT_ADDRESS_PER_MINUTE must be at least 1");
        }
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("REDIS_TIMEOUT must be positive");
        }
    }
}
