package dev.ticketing.client;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The client's settings (see application.yml for the environment variables behind them).
 *
 * @param api where the JSON APIs are reached: the gateway, which routes {@code /api/**} to the services
 * @param pageSize tickets per page on the home page
 * @param paymentSettleTimeout how long a successful payment waits for its order to show as complete
 * @param stripe Stripe Elements instead of the plain card-token field when a publishable key is set
 */
@ConfigurationProperties("client")
public record ClientProperties(
        Api api,
        @DefaultValue("20") int pageSize,
        @DefaultValue("3s") Duration paymentSettleTimeout,
        @DefaultValue Stripe stripe) {

    public ClientProperties {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("PAGE_SIZE must be between 1 and 500, got " + pageSize);
        }
    }

    public record Api(@DefaultValue("http://127.0.0.1:8080") URI url) {
    }

    public record Stripe(String publishableKey) {

        public boolean enabled() {
            return publishableKey != null && !publishableKey.isBlank();
        }
    }
}
