package dev.ticketing.payments.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.session.RouteRules;
import dev.ticketing.common.testing.ApiDocument;
import dev.ticketing.payments.PaymentsApplication;
import dev.ticketing.payments.PaymentsIntegrationTest;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import org.springframework.context.ApplicationContext;

/** payments publishes its OpenAPI document at /api/docs/payments, with every route of SPEC.md in it. */
class ApiDocsTest extends PaymentsIntegrationTest {

    /** SPEC.md's payments routes; Stripe calls the webhook, signed with Stripe-Signature rather than a session. */
    static final List<String> SIGNED_IN = List.of("POST /api/payments");
    static final List<String> PUBLIC = List.of("POST /api/payments/webhook");

    @LocalServerPort
    int servicePort;

    private ApiDocument document() {
        return ApiDocument.fetch(servicePort, "/api/docs/payments");
    }

    @Test
    void everyRouteIsForSignedInUsersOrPublicAsTheSpecSays(@Autowired ApplicationContext context) {
        RouteRules.assertEveryRoute(context, PaymentsApplication.class, SIGNED_IN, PUBLIC);
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
