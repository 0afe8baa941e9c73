package dev.ticketing.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import dev.ticketing.common.session.SessionUser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignInTest extends AuthHttpTest {

    @Test
    void signsInWithTheRightPasswordAndSetsTheSessionCookie() {
        String email = newEmail();
        String id = signUp(email, "secret").json().get("id").asString();

        Reply reply = post("/api/users/signin", credentials(email, "secret"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"id\":\"" + id + "\",\"email\":\"" + email + "\"}");
        SessionUser session = tokens.verify(reply.token()).orElseThrow();
        assertThat(session.id()).hasToString(id);
        assertThat(session.email()).isEqualTo(email);
    }

    @Test
    void matchesTheEmailInAnyLetterCaseAndTrimsBothFields() {
        String email = newEmail();
        signUp(email, "secret");

        Reply reply = post("/api/users/signin", credentials(" " + email.toUpperCase() + "  ", "  secret "));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("email").asString()).isEqualTo(email);
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        String email = newEmail();
        signUp(email, "secret");

        Reply wrongPassword = post("/api/users/signin", credentials(email, "not-the-secret"));
        Reply unknownEmail = post("/api/users/signin", credentials(newEmail(), "secret"));

        for (Reply reply : new Reply[] {wrongPassword, unknownEmail}) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"Invalid credentials\"}]}");
            assertThat(reply.headers("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aPasswordLongerThanAnyStoredOneIsInvalidCredentialsNotAFailure() {
        String email = newEmail();
        signUp(email, "secret");

        Reply reply = post("/api/users/signin", credentials(email, "secret" + "x".repeat(100)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).isEqualTo("Invalid credentials");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "not-an-email", "a@b"})
    void rejectsAnInvalidEmail(String email) {
        Map<String, String> body = new HashMap<>();
        body.put("email", email);
        body.put("password", "secret");

        Reply reply = post("/api/users/signin", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString())
                .isEqualTo("{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"}]}");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "    "})
    void requiresAPassword(String password) {
        Map<String, String> body = new HashMap<>();
        body.put("email", newEmail());
        body.put("password", password);

        Reply reply = post("/api/users/signin", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString())
                .isEqualTo("{\"errors\":[{\"message\":\"You must supply a password\",\"field\":\"password\"}]}");
    }
}
