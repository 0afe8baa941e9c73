package dev.ticketing.payments;

import static dev.ticketing.payments.StripePaymentsTest.paymentIntent;
import static dev.ticketing.payments.StripePaymentsTest.succeeded;
import static dev.ticketing.payments.StripeRefundsTest.refund;
import static dev.ticketing.payments.StripeRefundsTest.refundRequests;
import static dev.ticketing.payments.StripeRefundsTest.refunded;
import static dev.ticketing.payments.StripeThreeDSecureTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import dev.ticketing.common.events.PaymentCreated;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * POST /api/payments/webhook: believed only with Stripe's signature, and applied against what is
 * recorded, whichever comes first: the charging request's answer or the webhook.
 */
class StripeWebhookTest extends StripeApiTest {

    private static final String NOT_VERIFIED = "{\"errors\":[{\"message\":\"Stripe-Signature could not be verified\"}]}";

    @Test
    void aWebhookWithoutAValidSignatureIsRefusedWith400AndChangesNothing() throws Exception {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        String pi = "pi_forged_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":" + StripeThreeDSecureTest.CARD).willReturn(StripeThreeDSecureTest.requiresAction(pi)));
        pay(buyer, StripeThreeDSecureTest.CARD, order);
        String payload = intentEvent("payment_intent.succeeded", pi, order, "succeeded");

        Response unsigned = webhook(payload, null);
        Response forged = webhook(payload, "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "ab".repeat(32));
        Response otherSecret = webhook(payload, Webhook.Signature.generateSignatureHeader(payload, "whsec_someone_else"));
        Response changedPayload = webhook(payload.replace("10", "11"), Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET));
        Response stale = webhook(payload, Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET,
                System.currentTimeMillis() / 1000 - 3600));

        assertThat(List.of(unsigned, forged, otherSecret, changedPayload, stale)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().toString()).isEqualTo(NOT_VERIFIED);
        });
        assertThat(paymentOf(order).orElseThrow().stripeId()).isNull();
    }

    @Test
    void anEventOfATypeNotHandledHereIsAnsweredAndIgnored() {
        Response response = signedWebhook(event("customer.created", """
                {"id":"cus_123","object":"customer"}"""));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aWebhookForAChargeItsRequestAlreadyRecordedChangesNothing() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        String pi = "pi_sync_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded(pi)));
        UUID payment = pay(buyer, "tok_visa", order).id();

        Response webhook = signedWebhook(intentEvent("payment_intent.succeeded", pi, order, "succeeded"));

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(probe.after(Duration.ofSeconds(1), PaymentCreated.class, e -> e.orderId().equals(order)))
                .containsExactly(new PaymentCreated(payment, order, pi));
        assertThat(refundRequests(pi)).isEmpty();
    }

    @Test
    void aWebhookThatArrivesWhileTheChargeIsUnderWayWaitsForItsAnswerAndChangesNothing() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        String pi = "pi_racing_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded(pi).withFixedDelay(1500)));
        CompletableFuture<Response> paying = CompletableFuture.supplyAsync(() -> pay(buyer, "tok_visa", order));
        await().atMost(Duration.ofSeconds(5)).until(() -> paymentOf(order).isPresent());

        Response webhook = signedWebhook(intentEvent("payment_intent.succeeded", pi, order, "succeeded"));

        assertThat(webhook.status()).isEqualTo(200);
        Response paid = paying.join();
        assertThat(paid.status()).isEqualTo(201);
        assertThat(probe.after(Duration.ofSeconds(1), PaymentCreated.class, e -> e.orderId().equals(order)))
                .containsExactly(new PaymentCreated(paid.id(), order, pi));
    }

    @Test
    void moneyTakenByAPaymentIntentThatIsNotTheOrdersPaymentIsGivenBack() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        String paid = "pi_kept_" + hex(order);
        String stray = "pi_stray_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded(paid)));
        pay(buyer, "tok_visa", order);
        stripe.stubFor(refund(stray).willReturn(refunded("re_stray_" + hex(order))));

        Response webhook = signedWebhook(intentEvent("payment_intent.succeeded", stray, order, "succeeded"));

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(refundRequests(stray)).hasSize(1);
        assertThat(refundRequests(paid)).isEmpty();
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo(paid);
        assertThat(refundOf(order)).isEmpty();
    }

    @Test
    void aRefundMadeAtStripeIsRecordedOnItsPayment() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        String pi = "pi_dashboard_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded(pi)));
        pay(buyer, "tok_visa", order);

        Response webhook = signedWebhook(event("charge.refunded", """
                {"id":"ch_%s","object":"charge","amount":1000,"amount_refunded":1000,"currency":"usd",
                 "payment_intent":"%s","refunded":true,
                 "refunds":{"object":"list","data":[{"id":"re_dashboard_%s","object":"refund","amount":1000}],
                            "has_more":false,"url":"/v1/charges/ch_%s/refunds"}}""".formatted(hex(order), pi, hex(order), hex(order))));

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(refundOf(order)).contains("re_dashboard_" + hex(order));
    }

    private Optional<String> refundOf(UUID order) {
        return jdbc.sql("SELECT refund_id FROM payments WHERE order_id = ? AND refunded_at IS NOT NULL")
                .param(order).query(String.class).optional();
    }
}
