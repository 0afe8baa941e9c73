package dev.ticketing.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A connection that closes before any answer is tried again only for a request that cannot change anything. */
class UpstreamRetryTest extends GatewayTestBase {

    @Test
    void aGetWhoseConnectionClosedWithoutAnAnswerIsSentOnceMoreAndAnswered() {
        String path = unique("/api/tickets/");
        upstream("tickets").stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("back"));
        upstream("tickets").stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(200).withBody("the ticket")));

        HttpResponse<String> response = fetch(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("the ticket");
        assertThat(requestsTo("tickets", path)).isEqualTo(2);
    }

    @Test
    void aPostWhoseConnectionClosedWithoutAnAnswerIsNotSentAgain() {
        String path = unique("/api/orders/");
        upstream("orders").stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo(Envelopes.json(Envelopes.UNAVAILABLE));
        assertThat(requestsTo("orders", path)).isEqualTo(1);
    }

    @Test
    void aServicesOwnUnavailableAnswerIsPassedOnNotRetried() {
        String path = unique("/api/tickets/");
        upstream("tickets").stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1").withBody("busy")));

        HttpResponse<String> response = fetch(path);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("busy");
        assertThat(requestsTo("tickets", path)).isEqualTo(1);
    }

    private static int requestsTo(String upstream, String path) {
        return upstream(upstream).findAll(anyRequestedFor(urlPathEqualTo(path))).size();
    }
}
