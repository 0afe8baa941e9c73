package dev.ticketing.auth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.AuthApplication;
import dev.ticketing.auth.support.AuthHttpTest;
import dev.ticketing.common.session.RouteRules;
import dev.ticketing.common.testing.ApiDocument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * auth publishes its OpenAPI document at /api/docs/auth, with every route of SPEC.md in it, and
 * serves Swagger UI at /api/docs listing all four documents, everything under /api/docs, no session needed.
 */
class ApiDocsTest extends AuthHttpTest {

    /** SPEC.md's auth routes: all public (currentuser answers null without a session). */
    static final List<String> PUBLIC = List.of("POST /api/users/signup", "POST /api/users/signin",
            "POST /api/users/signout", "GET /api/users/currentuser");
    static final List<String> SIGNED_IN = List.of();

    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @ParameterizedTest
    @FieldSource("PUBLIC")
    void everyRouteOfTheSpecIsDocumented(String route) {
        ApiDocument.fetch(port, "/api/docs/auth").assertPublicRoute(route);
    }

    @Test
    void everyRouteIsForSignedInUsersOrPublicAsTheSpecSays(@Autowired ApplicationContext context) {
        RouteRules.assertEveryRoute(context, AuthApplication.class, SIGNED_IN, PUBLIC);
    }

    @Test
    void signUpAnswers201WithTheUser() {
        JsonNode signUp = ApiDocument.fetch(port, "/api/docs/auth").operation("POST /api/users/signup").orElseThrow();

        assertThat(signUp.at("/requestBody/content/application~1json/schema/$ref").asString()).isNotBlank();
        assertThat(signUp.at("/responses/201/content/application~1json/schema/$ref").asString()).isNotBlank();
    }

    @Test
    void signingUpAndSigningInShowExamples() {
        ApiDocument document = ApiDocument.fetch(port, "/api/docs/auth");

        assertThat(document.examples(document.requestSchema("POST /api/users/signup"))).containsOnlyKeys("email", "password");
        assertThat(document.examples(document.requestSchema("POST /api/users/signin"))).containsOnlyKeys("email", "password");
        assertThat(document.examples(document.responseSchema("POST /api/users/signup", "201"))).containsOnlyKeys("id", "email");
    }

    @Test
    void theDocumentDeclaresTheSessionCookieAndTheBearerHeader() {
        JsonNode schemes = ApiDocument.fetch(port, "/api/docs/auth").json().at("/components/securitySchemes");

        assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
        assertThat(schemes.at("/session/name").asString()).isEqualTo("session");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void swaggerUiOpensAtApiDocsWithEveryAssetUnderApiDocs() {
        HttpResponse<String> page = browse(URI.create("http://127.0.0.1:" + port + "/api/docs"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.uri().getPath()).startsWith("/api/docs/");
        List<URI> assets = assets(page);
        assertThat(assets).isNotEmpty();
        for (URI asset : assets) {
            assertThat(asset.getPath()).as(asset.toString()).startsWith("/api/docs/");
            assertThat(browse(asset).statusCode()).as(asset.toString()).isEqualTo(200);
        }
    }

    @Test
    void swaggerUiListsTheFourServicesDocuments() {
        HttpResponse<String> page = browse(URI.create("http://127.0.0.1:" + port + "/api/docs"));
        URI initializer = assets(page).stream().filter(a -> a.getPath().endsWith("swagger-initializer.js"))
                .findFirst().orElseThrow();
        String script = browse(initializer).body();
        Matcher configUrl = Pattern.compile("\"configUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(script);
        assertThat(configUrl.find()).as(script).isTrue();
        assertThat(configUrl.group(1)).startsWith("/api/docs/");

        JsonNode config = json.readTree(browse(page.uri().resolve(configUrl.group(1))).body());

        List<String> documents = new ArrayList<>();
        config.get("urls").forEach(url -> documents.add(url.get("name").asString() + " " + url.get("url").asString()));
        assertThat(documents).containsExactlyInAnyOrder("auth /api/docs/auth", "tickets /api/docs/tickets",
                "orders /api/docs/orders", "payments /api/docs/payments");
    }

    /** The scripts and style sheets the page loads, resolved against the page's own address. */
    private static List<URI> assets(HttpResponse<String> page) {
        List<URI> assets = new ArrayList<>();
        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (reference.find()) {
            assets.add(page.uri().resolve(reference.group(1)));
        }
        return assets;
    }

    private static HttpResponse<String> browse(URI uri) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
