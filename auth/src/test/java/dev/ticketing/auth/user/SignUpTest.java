package dev.ticketing.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import dev.ticketing.common.session.SessionUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class SignUpTest extends AuthHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsUpAndAnswersIdAndEmailWithASessionForThatUser() {
        String email = newEmail();

        Reply reply = post("/api/users/signup", credentials(email, "secret"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "email");
        UUID id = UUID.fromString(body.get("id").asString());
        assertThat(body.get("email").asString()).isEqualTo(email);
        SessionUser session = tokens.verify(reply.token()).orElseThrow();
        assertThat(session.id()).isEqualTo(id);
        assertThat(session.email()).isEqualTo(email);
    }

    @Test
    void storesTheEmailTrimmedAndLowerCased() {
        String email = newEmail();

        Reply reply = post("/api/users/signup", credentials("  " + email.toUpperCase() + " ", "secret"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("email").asString()).isEqualTo(email);
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = ?")
                .param(UUID.fromString(reply.json().get("id").asString())).query(String.class).single())
                .isEqualTo(email);
    }

    @Test
    void trimsThePasswordBeforeCheckingAndHashingIt() {
        String email = newEmail();

        signUp(email, "   abcd   ");

        assertThat(post("/api/users/signin", credentials(email, "abcd")).status()).isEqualTo(200);
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = ?").param(email)
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("abcd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcd", "12345678901234567890", "  abcd  "})
    void acceptsPasswordsOfFourToTwentyCharacters(String password) {
        assertThat(post("/api/users/signup", credentials(newEmail(), password)).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "   abc   ", "123456789012345678901", "       "})
    void rejectsAPasswordOutsideFourToTwentyCharacters(String password) {
        Map<String, String> body = new HashMap<>();
        body.put("email", newEmail());
        body.put("password", password);

        Reply reply = post("/api/users/signup", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString()).isEqualTo(
                "{\"errors\":[{\"message\":\"Password must be between 4 and 20 characters\",\"field\":\"password\"}]}");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "not-an-email", "a@b", "two@@example.com", "spa ce@example.com", "@example.com"})
    void rejectsAnInvalidEmail(String email) {
        Map<String, String> body = new HashMap<>();
        body.put("email", email);
        body.put("password", "secret");

        Reply reply = post("/api/users/signup", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString())
                .isEqualTo("{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"}]}");
    }

    @Test
    void reportsOneEntryPerFailingFieldInFieldOrder() {
        Reply reply = post("/api/users/signup", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString()).isEqualTo("{\"errors\":["
                + "{\"message\":\"Email must be valid\",\"field\":\"email\"},"
                + "{\"message\":\"Password must be between 4 and 20 characters\",\"field\":\"password\"}]}");
    }

    @Test
    void rejectsAnEmailAlreadyUsedInAnyLetterCase() {
        String email = newEmail();
        signUp(email, "secret");

        Reply reply = post("/api/users/signup", credentials(email.toUpperCase(), "other-secret"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"Email in use\"}]}");
        assertThat(reply.headers("Set-Cookie")).isEmpty();
    }

    @Test
    void tenConcurrentSignUpsOfOneEmailCreateExactlyOneUser() throws Exception {
        String email = newEmail();
        String address = newAddress();
        int signUps = 10;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(signUps);
        try {
            for (int i = 0; i < signUps; i++) {
                // differently cased, so only the index on lower(email) can tell them apart
                String spelling = i % 2 == 0 ? email : email.toUpperCase();
                replies.add(pool.submit(() -> {
                    start.await();
                    return post("/api/users/signup", credentials(spelling, "secret"), FORWARDED_FOR, address);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                statuses.add(r.status());
                if (r.status() == 400) {
                    assertThat(r.errorMessage()).isEqualTo("Email in use");
                }
            }
            assertThat(statuses).containsOnly(201, 400).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = ?").param(email)
                .query(Long.class).single()).isEqualTo(1);
    }
}
