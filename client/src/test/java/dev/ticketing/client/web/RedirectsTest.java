package dev.ticketing.client.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/orders/123", "/?page=2", "/tickets/abc?listed"})
    void keepsPathsOfThisSite(String next) {
        assertThat(Redirects.localPath(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example",
            "javascript:alert(1)", "orders", "/ orders", "/orders\r\nSet-Cookie: x=1", ""})
    void sendsEverythingElseHome(String next) {
        assertThat(Redirects.localPath(next)).isEqualTo("/");
    }

    @Test
    void aMissingNextIsHome() {
        assertThat(Redirects.localPath(null)).isEqualTo("/");
        assertThat(Redirects.signInPath(null)).isEqualTo("/auth/signin");
        assertThat(Redirects.signInPath("/")).isEqualTo("/auth/signin");
    }

    @Test
    void theSignInPathCarriesNextAsOneParameter() {
        assertThat(Redirects.signInPath("/orders/1")).isEqualTo("/auth/signin?next=/orders/1");
        assertThat(Redirects.signInPath("/?page=2&x=1")).isEqualTo("/auth/signin?next=/%3Fpage%3D2%26x%3D1");
        assertThat(Redirects.signInPath("https://evil.example/")).isEqualTo("/auth/signin");
    }
}
