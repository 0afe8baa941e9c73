package dev.ticketing.common.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code COOKIE_SECURE=true} adds {@code Secure} to the session cookie (behind HTTPS). */
@ConfigurationProperties("cookie")
public record CookieProperties(boolean secure) {
}
