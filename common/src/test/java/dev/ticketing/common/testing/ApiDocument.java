package dev.ticketing.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as a client fetches it, read as routes written the way SPEC.md
 * writes them ({@code "PUT /api/tickets/{id}"}; a path variable's name does not matter).
 */
public final class ApiDocument {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String ENVELOPE = "#/components/schemas/ErrorEnvelope";

    private final JsonNode document;

    private ApiDocument(JsonNode document) {
        this.document = document;
    }

    /** GETs the document from a running service, without any session. */
    public static ApiDocument fetch(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return new ApiDocument(JsonMapper.shared().readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode json() {
        return document;
    }

    /** Every documented route, path variables written {@code {}}. */
    public Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> routes.add(normalized(operation.getKey() + " " + path.getKey()))));
        return routes;
    }

    /** The operation of a route as SPEC.md writes it, if the document has it. */
    public Optional<JsonNode> operation(String route) {
        String wanted = normalized(route);
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (normalized(operation.getKey() + " " + path.getKey()).equals(wanted)) {
                    return Optional.of(operation.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that a route for signed-in users is documented as SPEC's common rules say: the session
     * cookie or the Bearer header, and 401 in the error envelope.
     */
    public void assertSignedInRoute(String route) {
        assertThat(routes()).as("documented routes").contains(normalized(route));
        assertThat(securityOf(route)).as(route).containsExactlyInAnyOrder("session", "bearer");
        assertThat(responseSchema(route, "401")).as(route).isEqualTo(ENVELOPE);
    }

    /** Checks that a public route is documented, without security, its errors in the envelope. */
    public void assertPublicRoute(String route) {
        assertThat(routes()).as("documented routes").contains(normalized(route));
        assertThat(securityOf(route)).as(route).isEmpty();
        assertThat(responseSchema(route, "default")).as(route).isEqualTo(ENVELOPE);
    }

    /** The security schemes a route accepts (any one of them), empty for a public route. */
    public List<String> securityOf(String route) {
        List<String> schemes = new ArrayList<>();
        JsonNode security = operation(route).orElseThrow(() -> new AssertionError("no " + route)).path("security");
        security.forEach(requirement -> requirement.properties().forEach(scheme -> schemes.add(scheme.getKey())));
        return schemes;
    }

    /** The schema reference of a response's JSON body, such as {@code #/components/schemas/ErrorEnvelope}. */
    public String responseSchema(String route, String status) {
        return operation(route).orElseThrow(() -> new AssertionError("no " + route))
                .path("responses").path(status).path("content").path("application/json").path("schema").path("$ref")
                .asString("");
    }

    /** The schema reference of a route's JSON request body. */
    public String requestSchema(String route) {
        return operation(route).orElseThrow(() -> new AssertionError("no " + route))
                .path("requestBody").path("content").path("application/json").path("schema").path("$ref").asString("");
    }

    /** The example each property of a referenced schema shows, by property name (those without one left out). */
    public Map<String, JsonNode> examples(String schemaRef) {
        String name = schemaRef.substring(schemaRef.lastIndexOf('/') + 1);
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        document.path("components").path("schemas").path(name).path("properties").properties().forEach(property -> {
            if (property.getValue().has("example")) {
                examples.put(property.getKey(), property.getValue().get("example"));
            }
        });
        return examples;
    }

    private static String normalized(String route) {
        String[] parts = route.trim().split("\\s+", 2);
        String path = parts[1].replaceAll("\\{[^}]*}", "{}");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return parts[0].toUpperCase(Locale.ROOT) + " " + path;
    }
}
