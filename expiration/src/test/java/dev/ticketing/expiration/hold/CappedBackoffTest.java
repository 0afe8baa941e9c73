package dev.ticketing.expiration.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CappedBackoffTest {

    final CappedBackoff<Hold> backoff = new CappedBackoff<>(Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Test
    void retriesAFailedHoldSoonThenLessOftenUpToTheCap() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofMinutes(1));
    }
}
