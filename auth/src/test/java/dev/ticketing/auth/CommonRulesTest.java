package dev.ticketing.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every service shares (SPEC "Common rules"), seen through auth's routes. */
class CommonRulesTest extends AuthHttpTest {

    private static final int LIMIT = 64 * 1024;

    @Autowired
    Environment environment;

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\":", "not json", "[1,2", "{\"email\":\"a@example.com\" \"password\":\"x\"}"})
    void aMalformedJsonBodyIsInvalidJsonBody(String body) {
        Reply reply = post("/api/users/signup", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"Invalid JSON body\"}]}");
    }

    @Test
    void aMissingBodyIsInvalidJsonBody() {
        Reply reply = send("POST", "/api/users/signin", null, "Content-Type", "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).isEqualTo("Invalid JSON body");
    }

    @Test
    void aBodyOver64KiBWithItsLengthIsRefusedWith413() {
        Reply reply = post("/api/users/signup", paddedBody(LIMIT + 1));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("errors").get(0).get("message").isString()).isTrue();
    }

    @Test
    void aChunkedBodyThatGrowsOver64KiBIsRefusedWith413() {
        byte[] body = paddedBody(LIMIT + 1024).getBytes(StandardCharsets.UTF_8);

        Reply reply = sendChunked("POST", "/api/users/signup", () -> new ByteArrayInputStream(body));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("errors").size()).isEqualTo(1);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        Reply reply = post("/api/users/signup", paddedBody(LIMIT - 10));

        // read and validated: the padding is an unknown property, the email is invalid on purpose
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorMessage()).isEqualTo("Email must be valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/users/nowhere", "POST /api/users/currentuser", "GET /api/users/signup",
            "GET /api/tickets", "DELETE /api/users/signout", "GET /"})
    void anUnknownRouteIsNotFound(String route) {
        String[] parts = route.split(" ");

        Reply reply = send(parts[0], parts[1], parts[0].equals("POST") ? "{}" : null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"Not found\"}]}");
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetails() {
        Reply reply = get("/test-only/explode");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"Something went wrong\"}]}");
        assertThat(reply.body()).doesNotContain("Boom", "secret", "Exception", "at dev.");
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Reply reply = get(probe);

            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsNameTheServiceAndCountRateLimiting() {
        post("/api/users/signin", credentials(newEmail(), "secret"));

        Reply reply = get("/actuator/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("application=\"auth\"", "auth_rate_limit_rejected_total",
                "auth_rate_limit_unavailable_total", "http_server_requests_seconds");
    }

    @Test
    void shutsDownGracefully() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isNotBlank();
    }

    /** A signup body of exactly {@code size} bytes: an invalid email plus padding in an unknown property. */
    private static String paddedBody(int size) {
        String start = "{\"email\":\"x\",\"password\":\"secret\",\"padding\":\"";
        String end = "\"}";
        return start + "p".repeat(size - start.length() - end.length()) + end;
    }
}
