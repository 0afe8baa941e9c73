package dev.ticketing.payments.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings: {@code STRIPE_KEY} (none: payments are simulated) and {@code STRIPE_API_BASE}
 * (none: Stripe's own API; tests point it at WireMock).
 */
@ConfigurationProperties("stripe")
public record StripeProperties(
        String key,
        String apiBase,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("2") int maxNetworkRetries) {

    public boolean configured() {
        return key != null && !key.isBlank();
    }
}
