package dev.ticketing.auth.ratelimit;

import static dev.ticketing.auth.ratelimit.AttemptLimiter.TOO_MANY_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * auth believes an {@code X-Forwarded-For} only from the proxies {@code TRUSTED_PROXIES} names: here
 * a proxy that is not the test's own address, so what the test claims is ignored.
 */
@TestPropertySource(properties = "TRUSTED_PROXIES=192\\.0\\.2\\.1")
class UntrustedProxyTest extends AuthHttpTest {

    @Test
    void aCallerThatIsNoTrustedProxyCannotChooseItsAddress() {
        for (int i = 0; i < 30; i++) {
            post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, newAddress());
        }

        Reply reply = post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, newAddress());

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.errorMessage()).isEqualTo(TOO_MANY_ATTEMPTS);
    }
}
