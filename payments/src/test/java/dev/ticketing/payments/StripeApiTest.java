package dev.ticketing.payments;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service with {@code STRIPE_KEY} set and WireMock standing in for api.stripe.com: one server
 * and one application context for every Stripe test class. Tests keep apart by their own orders,
 * hence their own idempotency keys.
 */
@TestPropertySource(properties = {"stripe.key=sk_test_wiremock", "stripe.max-network-retries=0",
        "payments.wait-for-other-charge=3s", "nats.redelivery-backoff=200ms"})
abstract class StripeApiTest extends PaymentsIntegrationTest {

    static final WireMockServer stripe = new WireMockServer(options().dynamicPort());

    static {
        stripe.start();
    }

    @DynamicPropertySource
    static void stripeApi(DynamicPropertyRegistry registry) {
        registry.add("stripe.api-base", stripe::baseUrl);
    }
}
