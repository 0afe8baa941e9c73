package dev.ticketing.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** RATE_LIMIT_ENABLED=false (for load tests) lets every attempt through without asking Redis. */
class DisabledRateLimitTest {

    @Test
    void aDisabledLimiterNeverRefusesAndNeverAsksRedis() throws IOException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RateLimitProperties disabled = new RateLimitProperties(false, "unused", Duration.ofMillis(500), "test:", 1, 1);
        try (RedisBuckets buckets = new RedisBuckets("redis://127.0.0.1:" + closedPort, Duration.ofMillis(500),
                Clock.systemUTC(), meters)) {
            AttemptLimiter limiter = new AttemptLimiter(disabled, buckets, meters);

            for (int i = 0; i < 20; i++) {
                limiter.begin(AttemptLimiter.Action.SIGN_IN, "198.51.100.7", "someone@example.com").succeeded();
            }

            assertThat(meters.get(RedisBuckets.UNAVAILABLE_METRIC).counter().count()).isZero();
        }
    }
}
