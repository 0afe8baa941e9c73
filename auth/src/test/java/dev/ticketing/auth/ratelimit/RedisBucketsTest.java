package dev.ticketing.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** With no Redis at all, every attempt passes, is counted, and the outage is logged once a minute. */
@ExtendWith(OutputCaptureExtension.class)
class RedisBucketsTest {

    private static final String WARNING = "is unavailable";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock();
    private RedisBuckets buckets;

    @AfterEach
    void close() {
        if (buckets != null) {
            buckets.close();
        }
    }

    @Test
    void withoutRedisEveryAttemptPassesAndIsCounted() throws IOException {
        buckets = new RedisBuckets("redis://127.0.0.1:" + closedPort(), Duration.ofMillis(500), clock, meters);
        AttemptLimiter limiter = new AttemptLimiter(properties(), buckets, meters);

        for (int i = 0; i < 50; i++) {
            limiter.begin(AttemptLimiter.Action.SIGN_IN, "198.51.100.7", "victim@example.com").succeeded();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(meters.get(RedisBuckets.UNAVAILABLE_METRIC).counter().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void logsTheOutageAtMostOnceAMinute(CapturedOutput output) throws IOException {
        buckets = new RedisBuckets("redis://127.0.0.1:" + closedPort(), Duration.ofMillis(500), clock, meters);

        // the failed connect at start has warned once already
        for (int i = 0; i < 30; i++) {
            assertThat(buckets.apply(proxies -> "answered")).isEmpty();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(occurrences(output.getAll())).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        buckets.apply(proxies -> "answered");
        await().atMost(Duration.ofSeconds(5)).until(() -> occurrences(output.getAll()) == 2);
        assertThat(meters.get(RedisBuckets.UNAVAILABLE_METRIC).counter().count()).isEqualTo(31);
    }

    private static int occurrences(String log) {
        return log.split(WARNING, -1).length - 1;
    }

    private static RateLimitProperties properties() {
        return new RateLimitProperties(true, "unused", Duration.ofMillis(500), "test:unit:", 10, 30);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-25T18:40:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
