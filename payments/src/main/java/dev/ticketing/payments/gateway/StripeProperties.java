package dev.ticketing.payments.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings: {@code STRIPE_KEY} (none: payments are simulated), {@code STRIPE_API_BASE}
 * (none: Stripe's own API; tests point it at WireMock) and {@code STRIPE_WEBHOOK_SECRET} (the
 * signing secret of the webhook endpoint; none: every webhook is refused).
 */
@ConfigurationProperties("stripe")
public record StripeProperties(
        String key,
        String apiBase,
        String webhookSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("2") int maxNetworkRetries) {

    public boolean configured() {
        return key != null && !key.isBlank();
    }

    public boolean webhookSecretConfigured() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }
}
