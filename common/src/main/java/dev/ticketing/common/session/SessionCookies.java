package dev.ticketing.common.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code session} cookie: base64 of {@code {"jwt":"<token>"}}, HttpOnly, SameSite=Lax, Path=/. */
public class SessionCookies {

    public static final String NAME = "session";

    private final CookieProperties properties;
    private final JsonMapper json;

    public SessionCookies(CookieProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public ResponseCookie create(String token) {
        String value = Base64.getEncoder().encodeToString(
                json.writeValueAsString(java.util.Map.of("jwt", token)).getBytes(StandardCharsets.UTF_8));
        return base(value).build();
    }

    public ResponseCookie expired() {
        return base("").maxAge(0).build();
    }

    /** The token inside a cookie value, if the value is one of ours. */
    public Optional<String> token(String cookieValue) {
        try {
            JsonNode node = json.readTree(Base64.getDecoder().decode(cookieValue));
            JsonNode jwt = node.get("jwt");
            return jwt != null && jwt.isString() ? Optional.of(jwt.asString()) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    private ResponseCookie.ResponseCookieBuilder base(String value) {
        return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Lax").secure(properties.secure());
    }
}
