package dev.ticketing.common.webtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.testing.TestInfra;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC "Common rules": text PostgreSQL cannot store is a validation error, and every answer of a
 * service, unknown routes and requests Tomcat itself refuses included, is the error envelope.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=web-test")
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "web");
    }

    /** Bodies as sent on the wire: the JSON escapes stay escapes, as a client would send them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"title":"a\\u0000b"}                          | title
            {"title":"\\u0000"}                            | title
            {"title":"before \\ud800 after"}               | title
            {"title":"\\udc00"}                            | title
            {"title":"ok","author":{"name":"x\\u0000"}}    | author.name
            {"title":"ok","tags":["fine","b\\ud83c"]}      | tags[1]
            """)
    void textPostgresCannotStoreIsAValidationErrorOfItsField(String body, String field, CapturedOutput log) {
        Reply reply = post("/api/notes", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("Text must not contain a NUL character or a lone surrogate");
        assertThat(log.getAll()).doesNotContain("Exception");
    }

    @Test
    void aSurrogatePairIsOneCharacterAndIsStoredIntact() {
        Reply reply = post("/api/notes", "{\"title\":\"\\ud83c\\udfab ticket\",\"tags\":[\"caf\\u00e9\"]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("title").asString()).isEqualTo("\uD83C\uDFAB ticket");
        assertThat(reply.json().get("tags").get(0).asString()).isEqualTo("café");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nope", "/api/", "/api", "/api/notes/nope", "/"})
    void anUnknownRouteIsNotFoundInTheEnvelope(String path) {
        Reply reply = send(HttpRequest.newBuilder(uri(path)).GET());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).isEqualTo("{\"errors\":[{\"message\":\"Not found\"}]}");
    }

    /** Request lines Tomcat refuses before any servlet sees them; its own HTML page is never the answer. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tickets/..%2f..", "/api/tickets/%2e%2e/%2e%2e/x", "/api/tickets/%00",
            "/api/tickets/%zz", "/api/{tickets}", "/api/tickets/a\"b"})
    void aRequestTomcatRefusesIsAnsweredInTheEnvelope(String target) throws IOException {
        RawReply reply = raw("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n");

        assertThat(reply.status()).as(reply.text()).isBetween(400, 499);
        assertThat(reply.header("content-type")).as(reply.text()).startsWith("application/json");
        JsonNode errors = json.readTree(reply.body()).get("errors");
        assertThat(errors.size()).as(reply.text()).isEqualTo(1);
        assertThat(errors.get(0).get("message").asString()).isIn("Bad request", "Not found");
        assertThat(reply.body()).doesNotContain("<", "Tomcat");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes no HTTP client library would send, and reads the answer until the server closes. */
    private RawReply raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new RawReply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Reply(int status, String contentType, String body, JsonMapper mapper) {

        JsonNode json() {
            return mapper.readTree(body);
        }
    }

    /** An HTTP/1.0 answer: status line, headers, a blank line, then the body (never chunked). */
    private record RawReply(String text) {

        int status() {
            return Integer.parseInt(text.split(" ", 3)[1]);
        }

        String header(String name) {
            for (String line : head().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }

        private String head() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
