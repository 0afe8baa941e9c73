package dev.ticketing.e2e.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.RunningSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the system's one public port answers besides the routes: docs, and never anything internal. */
@EndToEnd
class PublicPortTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String NOT_FOUND = "{\"errors\":[{\"message\":\"Not found\"}]}";

    private final RunningSystem system;

    PublicPortTest(RunningSystem system) {
        this.system = system;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/prometheus", "/api", "/api/", "/api/nope"})
    void answersWhatIsInternalOrUnknownAsNotFoundInTheEnvelope(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).isEqualTo(NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/tickets/..%2f..", "/api/tickets/%00"})
    void answersAPathItRefusesInTheEnvelope(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isBetween(400, 404);
        assertThat(response.body()).startsWith("{\"errors\":[{\"message\":");
    }

    @ParameterizedTest(name = "{0} documents {1}")
    @CsvSource({
            "/api/docs/auth, /api/users/signup",
            "/api/docs/tickets, /api/tickets/{id}",
            "/api/docs/orders, /api/orders/{id}",
            "/api/docs/payments, /api/payments"
    })
    void servesEachServicesApiDocument(String path, String documentedRoute) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.").contains("\"" + documentedRoute + "\"");
    }

    @org.junit.jupiter.api.Test
    void servesSwaggerUiListingTheFourApis() throws Exception {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> page = following.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    private HttpResponse<String> get(String rawPath) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + rawPath)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
