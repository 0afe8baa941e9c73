package dev.ticketing.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class UnavailableServiceTest extends GatewayTestBase {

    private static final String ENVELOPE = "{\"errors\":[{\"message\":\"Service unavailable, try again shortly\"}]}";

    @Test
    void answersWithTheErrorEnvelopeWhileAServiceIsDown() {
        fetch("/api/orders");  // leaves a pooled connection behind, as real traffic does
        UPSTREAMS.get("orders").stop();
        try {
            HttpResponse<String> response = fetch("/api/orders/" + unique(""));

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).isEqualTo(ENVELOPE);
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        } finally {
            UPSTREAMS.get("orders").start();
        }
    }

    @Test
    void answersWithTheErrorEnvelopeWhenTheWebUiIsDown() {
        UPSTREAMS.get("client").stop();
        try {
            HttpResponse<String> response = fetch("/tickets/new");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).isEqualTo(ENVELOPE);
        } finally {
            UPSTREAMS.get("client").start();
        }
    }

    @Test
    void servesAgainAsSoonAsTheServiceIsBack() {
        UPSTREAMS.get("payments").stop();
        assertThat(fetch("/api/payments").statusCode()).isEqualTo(502);
        UPSTREAMS.get("payments").start();

        HttpResponse<String> response = fetch("/api/payments");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("payments");
    }

    @Test
    void answersWithTheErrorEnvelopeWhenAServiceDoesNotAnswerInTime() {
        String path = unique("/api/tickets/");
        upstream("tickets").stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));

        HttpResponse<String> response = fetch(path);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo(ENVELOPE);
    }
}
