package dev.ticketing.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Behind HTTPS, {@code COOKIE_SECURE=true} marks the session cookie, and its expiry, Secure. */
@TestPropertySource(properties = "cookie.secure=true")
class SecureCookieTest extends AuthHttpTest {

    @Test
    void theSessionCookieIsSecureWhenConfigured() {
        Reply signUp = signUp(newEmail(), "secret");
        Reply signOut = post("/api/users/signout", null);

        assertThat(signUp.sessionSetCookie()).containsIgnoringCase("; Secure");
        assertThat(signOut.sessionSetCookie()).containsIgnoringCase("; Secure").contains("Max-Age=0");
    }
}
