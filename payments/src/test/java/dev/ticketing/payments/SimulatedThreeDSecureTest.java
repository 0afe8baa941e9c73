package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.payments.gateway.IntentState;
import dev.ticketing.payments.gateway.PaymentGateway;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Without STRIPE_KEY, {@code tok_threeDSecure2Required} waits for the buyer's confirmation like
 * Stripe's test card, and a webhook signed with STRIPE_WEBHOOK_SECRET completes it.
 */
class SimulatedThreeDSecureTest extends PaymentsIntegrationTest {

    static final String CARD = "tok_threeDSecure2Required";

    @Autowired PaymentGateway gateway;

    @Test
    void aPaymentThatWaitsForTheBuyerCompletesWhenItsSignedWebhookSaysItSucceeded() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "30.00");

        Response waiting = pay(buyer, CARD, order);
        String pi = waiting.body().path("paymentIntentId").asString();

        assertThat(waiting.status()).isEqualTo(202);
        assertThat(waiting.body().path("status").asString()).isEqualTo("requires_action");
        assertThat(pi).startsWith("pi_sim_");
        assertThat(waiting.body().path("clientSecret").asString()).startsWith(pi + "_secret_");
        assertThat(paymentOf(order).orElseThrow().stripeId()).isNull();

        Response webhook = signedWebhook(intentEvent("payment_intent.succeeded", pi, order, "succeeded"));

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo(pi);
        assertThat(probe.awaitOne(PaymentCreated.class, e -> e.orderId().equals(order)))
                .isEqualTo(new PaymentCreated(waiting.id(), order, pi));
    }

    @Test
    void aHoldThatEndsWhileTheBuyerConfirmsCancelsTheSimulatedPaymentIntent() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "30.00");
        String pi = pay(buyer, CARD, order).body().path("paymentIntentId").asString();

        givenCancelled(order, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> paymentOf(order).isEmpty());
        assertThat(gateway.intent(pi)).isEqualTo(new IntentState.Canceled(pi));
    }

    @Test
    void aFailedConfirmationLetsTheBuyerPayWithAnotherCard() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "30.00");
        String pi = pay(buyer, CARD, order).body().path("paymentIntentId").asString();

        Response failed = signedWebhook(intentEvent("payment_intent.payment_failed", pi, order, "requires_payment_method"));
        Response anotherCard = pay(buyer, "tok_visa", order);

        assertThat(failed.status()).isEqualTo(200);
        assertThat(anotherCard.status()).isEqualTo(201);
        assertThat(gateway.intent(pi)).isEqualTo(new IntentState.Canceled(pi));
    }
}
