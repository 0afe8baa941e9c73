package dev.ticketing.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import dev.ticketing.auth.support.Jwts;
import dev.ticketing.common.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class SessionTest extends AuthHttpTest {

    private static final String OTHER_KEY = "another-key-that-is-also-at-least-32-bytes";

    @Test
    void thereIsNoCurrentUserWithoutASession() {
        Reply reply = get("/api/users/currentuser");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"currentUser\":null}");
    }

    @Test
    void theSignUpCookieNamesTheCurrentUserWithIdEmailAndIssueTime() {
        String email = newEmail();
        long before = Instant.now().getEpochSecond();
        Reply signUp = signUp(email, "secret");
        String id = signUp.json().get("id").asString();

        Reply reply = get("/api/users/currentuser", "Cookie", signUp.sessionCookie());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode user = reply.json().get("currentUser");
        assertThat(user.propertyNames()).containsExactly("id", "email", "iat");
        assertThat(user.get("id").asString()).isEqualTo(id);
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("iat").isNumber()).isTrue();
        assertThat(user.get("iat").asLong()).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
    }

    @Test
    void aBearerTokenIsAcceptedLikeTheCookie() {
        String email = newEmail();
        String token = signUp(email, "secret").token();

        Reply reply = get("/api/users/currentuser", "Authorization", "Bearer " + token);

        assertThat(reply.json().get("currentUser").get("email").asString()).isEqualTo(email);
    }

    @Test
    void theSessionCookieIsBase64JsonHttpOnlyLaxForTheWholeSiteAndNotSecureByDefault() {
        Reply reply = signUp(newEmail(), "secret");

        String header = reply.sessionSetCookie();
        assertThat(attributes(header)).contains("Path=/", "HttpOnly", "SameSite=Lax")
                .noneMatch(a -> a.equalsIgnoreCase("Secure"))
                .noneMatch(a -> a.startsWith("Max-Age") || a.startsWith("Expires"));
        String value = reply.sessionCookie().substring("session=".length());
        JsonNode decoded = json.readTree(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
        assertThat(decoded.propertyNames()).containsExactly("jwt");
    }

    @Test
    void signInSetsTheSameKindOfCookie() {
        String email = newEmail();
        signUp(email, "secret");

        Reply reply = post("/api/users/signin", credentials(email, "secret"));

        assertThat(attributes(reply.sessionSetCookie())).contains("Path=/", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theTokenIsHs256WithIdEmailIatAndAnExpiryOfSevenDays() {
        Reply reply = signUp(newEmail(), "secret");
        String token = reply.token();

        JsonNode header = json.readTree(Jwts.part(token, 0));
        JsonNode payload = json.readTree(Jwts.part(token, 1));

        assertThat(header.get("alg").asString()).isEqualTo("HS256");
        assertThat(payload.propertyNames()).containsExactlyInAnyOrder("id", "email", "iat", "exp");
        assertThat(payload.get("id").asString()).isEqualTo(reply.json().get("id").asString());
        assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(Duration.ofDays(7).toSeconds());
    }

    @Test
    void signOutAnswersAnEmptyObjectAndExpiresTheCookie() {
        Reply reply = post("/api/users/signout", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{}");
        String header = reply.sessionSetCookie();
        assertThat(header).startsWith("session=;");
        assertThat(attributes(header)).contains("Max-Age=0", "Path=/", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void signOutWorksForASignedInUserToo() {
        Reply signUp = signUp(newEmail(), "secret");

        Reply reply = post("/api/users/signout", null, "Cookie", signUp.sessionCookie());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(attributes(reply.sessionSetCookie())).contains("Max-Age=0");
    }

    @Test
    void aHandMadeTokenWithTheRightKeyAlgorithmAndExpiryIsASession() {
        // the control for the forgeries below: the same builder, nothing forged
        String token = Jwts.token(json, "HS256", TestInfra.JWT_KEY, claims(true, Instant.now().plusSeconds(60)));

        Reply reply = get("/api/users/currentuser", "Authorization", "Bearer " + token);

        assertThat(reply.json().get("currentUser").get("email").asString()).isEqualTo("forger@example.com");
    }

    enum Forgery {
        ALG_NONE("none", TestInfra.JWT_KEY, true, 60),
        HS512_WITH_THE_RIGHT_KEY("HS512", TestInfra.JWT_KEY, true, 60),
        HS384_WITH_THE_RIGHT_KEY("HS384", TestInfra.JWT_KEY, true, 60),
        RS256_HEADER_OVER_AN_HMAC("RS256", TestInfra.JWT_KEY, true, 60),
        SIGNED_WITH_ANOTHER_KEY("HS256", OTHER_KEY, true, 60),
        WITHOUT_EXP("HS256", TestInfra.JWT_KEY, false, 0),
        EXPIRED("HS256", TestInfra.JWT_KEY, true, -5);

        final String alg;
        final String key;
        final boolean withExp;
        final long expiresInSeconds;

        Forgery(String alg, String key, boolean withExp, long expiresInSeconds) {
            this.alg = alg;
            this.key = key;
            this.withExp = withExp;
            this.expiresInSeconds = expiresInSeconds;
        }
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void aForgedTokenIsNoSessionInTheHeaderOrTheCookie(Forgery forgery) {
        String token = Jwts.token(json, forgery.alg, forgery.key,
                claims(forgery.withExp, Instant.now().plusSeconds(forgery.expiresInSeconds)));
        String cookie = "session=" + Base64.getEncoder().encodeToString(
                json.writeValueAsBytes(Map.of("jwt", token)));

        Reply byHeader = get("/api/users/currentuser", "Authorization", "Bearer " + token);
        Reply byCookie = get("/api/users/currentuser", "Cookie", cookie);

        assertThat(byHeader.body()).isEqualTo("{\"currentUser\":null}");
        assertThat(byCookie.body()).isEqualTo("{\"currentUser\":null}");
    }

    @Test
    void aCookieThatIsNotBase64JsonIsNoSession() {
        Reply reply = get("/api/users/currentuser", "Cookie", "session=%%%not-base64");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"currentUser\":null}");
    }

    private static Map<String, Object> claims(boolean withExp, Instant expires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("id", UUID.randomUUID().toString());
        claims.put("email", "forger@example.com");
        claims.put("iat", Instant.now().getEpochSecond() - 10);
        if (withExp) {
            claims.put("exp", expires.getEpochSecond());
        }
        return claims;
    }

    private static java.util.List<String> attributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).map(String::trim).toList();
    }
}
