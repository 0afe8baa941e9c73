package dev.ticketing.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.testing.TestInfra;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the HTTP tests: one running auth service on a random port, against this run's own
 * PostgreSQL database and the real Redis with this run's own key prefix. Every request comes from a
 * fresh made-up client address unless a test names one, so tests never share a rate-limit budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "auth.bcrypt-strength=4")
public abstract class AuthHttpTest {

    public static final String KEY_PREFIX = "test:auth:" + TestInfra.SUFFIX + ":";
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected SessionTokens tokens;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "auth");
        registry.add("auth.rate-limit.key-prefix", () -> KEY_PREFIX);
    }

    public static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** A client address no other test uses (an IPv6 documentation address, never contacted). */
    public static String newAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "2001:db8:%x:%x:%x:%x::1".formatted(r.nextInt(0x10000), r.nextInt(0x10000),
                r.nextInt(0x10000), r.nextInt(0x10000));
    }

    protected Reply post(String path, Object body, String... headers) {
        return send("POST", path, body == null ? null : body instanceof String s ? s : json.writeValueAsString(body),
                headers);
    }

    protected Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** {@code headers} are name, value pairs; an {@code X-Forwarded-For} is made up unless given. */
    protected Reply send(String method, String path, String body, String... headers) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), body != null, headers);
    }

    /** A body of unknown length, so the client sends it chunked. */
    protected Reply sendChunked(String method, String path, Supplier<InputStream> body, String... headers) {
        return send(method, path, HttpRequest.BodyPublishers.ofInputStream(body), true, headers);
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher publisher, boolean hasBody,
                       String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        boolean forwarded = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            forwarded |= headers[i].equalsIgnoreCase(FORWARDED_FOR);
        }
        if (!forwarded) {
            request.header(FORWARDED_FOR, newAddress());
        }
        if (hasBody) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, String> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }

    /** Signs a new user up and answers the reply (201, with the session cookie). */
    protected Reply signUp(String email, String password) {
        Reply reply = post("/api/users/signup", credentials(email, password));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    /** What a test asserts on: status, headers and body of one response. */
    public record Reply(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach((key, list) -> {
                if (key.equalsIgnoreCase(name)) {
                    values.addAll(list);
                }
            });
            return values;
        }

        /** The one {@code Set-Cookie} header for the session cookie. */
        public String sessionSetCookie() {
            List<String> session = headers("Set-Cookie").stream().filter(c -> c.startsWith("session=")).toList();
            assertThat(session).as("Set-Cookie session headers").hasSize(1);
            return session.get(0);
        }

        /** The cookie value as a browser would send it back: {@code session=<value>}. */
        public String sessionCookie() {
            String header = sessionSetCookie();
            int end = header.indexOf(';');
            return end < 0 ? header : header.substring(0, end);
        }

        /** The JWT inside the session cookie. */
        public String token() {
            String value = sessionCookie().substring("session=".length());
            return mapper.readTree(Base64.getDecoder().decode(value)).get("jwt").asString();
        }

        /** The single error message of an error envelope, after checking there is exactly one. */
        public String errorMessage() {
            JsonNode errors = json().get("errors");
            assertThat(errors.size()).as(body).isEqualTo(1);
            return errors.get(0).get("message").asString();
        }

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }
    }
}
