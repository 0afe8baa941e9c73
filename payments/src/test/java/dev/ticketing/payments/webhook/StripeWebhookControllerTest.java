package dev.ticketing.payments.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.net.Webhook;
import dev.ticketing.common.web.ApiException;
import dev.ticketing.payments.gateway.StripeProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The webhook with no STRIPE_WEBHOOK_SECRET configured: nothing can be verified, so nothing is believed. */
class StripeWebhookControllerTest {

    @Test
    void withoutAWebhookSecretEveryWebhookIsRefused() throws Exception {
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{}}}";
        // no events are applied: the refusal comes first
        StripeWebhookController controller = new StripeWebhookController(null,
                new StripeProperties(null, null, "", Duration.ofSeconds(5), Duration.ofSeconds(20), 0));

        assertThatThrownBy(() -> controller.receive(payload.getBytes(StandardCharsets.UTF_8),
                Webhook.Signature.generateSignatureHeader(payload, "whsec_any")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(StripeWebhookController.NOT_VERIFIED);
                });
    }
}
