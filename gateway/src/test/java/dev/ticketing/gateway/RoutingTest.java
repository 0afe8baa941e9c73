package dev.ticketing.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.net.URI;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.junit.jupiter.api.Test;

class RoutingTest extends GatewayTestBase {

    @LocalManagementPort
    int managementPort;

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "/api/users/currentuser, auth",
            "/api/users, auth",
            "/api/tickets, tickets",
            "/api/tickets/0190a0c2-7f4e-7000-8000-000000000001, tickets",
            "/api/orders, orders",
            "/api/orders/0190a0c2-7f4e-7000-8000-000000000001, orders",
            "/api/payments, payments",
            "/api/docs, auth",
            "/api/docs/auth, auth",
            "/api/docs/swagger-ui/index.html, auth",
            "/api/docs/tickets, tickets",
            "/api/docs/orders, orders",
            "/api/docs/payments, payments",
            "/, client",
            "/tickets/new, client",
            "/auth/signin, client",
            "/api/usersettings, client",
            "/apiary, client",
            "/webjars/bootstrap/css/bootstrap.min.css, client"
    })
    void routesEachPathToItsService(String path, String service) {
        HttpResponse<String> response = fetch(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service);
    }

    @Test
    void passesMethodQueryBodyAndTheServicesAnswerThroughUnchanged() {
        String path = unique("/api/tickets/");
        String envelope = "{\"errors\":[{\"message\":\"Title is required\",\"field\":\"title\"}]}";
        upstream("tickets").stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(envelope)));

        HttpResponse<String> response = send(request(path + "?limit=5&offset=10")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"\",\"price\":10.5}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(envelope);
        LoggedRequest received = received("tickets", path);
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.queryParameter("limit").firstValue()).isEqualTo("5");
        assertThat(received.queryParameter("offset").firstValue()).isEqualTo("10");
        assertThat(received.getHeader("Content-Type")).startsWith("application/json");
        assertThat(received.getBodyAsString()).isEqualTo("{\"title\":\"\",\"price\":10.5}");
    }

    @Test
    void passesAFormPostToTheWebUiAndItsRedirectBackUnfollowed() {
        String path = unique("/auth/signin-");
        upstream("client").stubFor(post(urlPathEqualTo(path))
                .withRequestBody(equalTo("email=ann%40example.com&password=secret"))
                .willReturn(aResponse().withStatus(303).withHeader("Location", "/orders")));

        HttpResponse<String> response = send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=ann%40example.com&password=secret")));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/orders");
    }

    @Test
    void keepsNonAsciiFormFieldsIntact() {
        String path = unique("/tickets/new-");
        String form = "title=" + URLEncoder.encode("Café Ωmega – 🎟", StandardCharsets.UTF_8) + "&price=10.50";
        upstream("client").stubFor(post(urlPathEqualTo(path)).withRequestBody(equalTo(form))
                .willReturn(aResponse().withStatus(303).withHeader("Location", "/tickets/1")));

        HttpResponse<String> response = send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void keepsTheHostTheCallerUsedSoServicesBuildLinksToTheGateway() {
        String path = unique("/tickets/");

        fetch(path);

        assertThat(received("client", path).getHeader("Host")).isEqualTo("localhost:" + port);
    }

    @Test
    void answersItsOwnReadinessProbeOnItsManagementPort() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"})
    void servesNoActuatorEndpointOnThePublicPort(String path) {
        HttpResponse<String> response = fetch(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"Not found\"}]}");
        upstream("client").verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/tickets/..%2f..", "/api/tickets/%00"})
    void answersAPathTomcatRefusesWithTheEnvelope(String path) {
        HttpResponse<String> response = fetch(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"message\":\"Bad request\"}]}");
    }
}
