package dev.ticketing.common.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code JWT_KEY} (at least 32 bytes, shared by every service) and {@code JWT_TTL} (a bare number
 * is seconds; {@code 7d}, {@code 12h} work too).
 */
@ConfigurationProperties("jwt")
public record JwtProperties(String key, @DefaultValue("7d") @DurationUnit(ChronoUnit.SECONDS) Duration ttl) {

    static final int MIN_KEY_BYTES = 32;

    public JwtProperties {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new InvalidJwtKeyException();
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("JWT_TTL must be positive");
        }
    }

    byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
