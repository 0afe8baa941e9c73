package dev.ticketing.payments.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.testing.ApiDocument;
import dev.ticketing.payments.PaymentsIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** payments publishes its OpenAPI document at /api/docs/payments, with every route of SPEC.md in it. */
class ApiDocsTest extends PaymentsIntegrationTest {

    @LocalServerPort
    int servicePort;

    private ApiDocument document() {
        return ApiDocument.fetch(servicePort, "/api/docs/payments");
    }

    @Test
    void payingIsDocumentedForSignedInUsersWithItsBodies() {
        ApiDocument document = document();

        document.assertSignedInRoute("POST /api/payments");
        assertThat(document.operation("POST /api/payments").orElseThrow()
                .at("/requestBody/content/application~1json/schema/$ref").asString()).isNotBlank();
        assertThat(document.responseSchema("POST /api/payments", "400")).endsWith("/ErrorEnvelope");
    }

    @Test
    void aPaymentRequestShowsAnExampleWithATestToken() {
        ApiDocument document = document();

        Map<String, JsonNode> request = document.examples(document.requestSchema("POST /api/payments"));
        assertThat(request).containsOnlyKeys("token", "orderId");
        assertThat(request.get("token").asString()).isEqualTo("tok_visa");
    }

    /** Stripe calls it, signed with Stripe-Signature rather than a session. */
    @Test
    void theStripeWebhookIsDocumentedWithoutASession() {
        document().assertPublicRoute("POST /api/payments/webhook");
    }
}
