package dev.ticketing.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.ticketing.payments.StripePaymentsTest.intent;
import static dev.ticketing.payments.StripePaymentsTest.paymentIntent;
import static dev.ticketing.payments.StripePaymentsTest.requests;
import static dev.ticketing.payments.StripePaymentsTest.stripeFailure;
import static dev.ticketing.payments.StripePaymentsTest.succeeded;
import static dev.ticketing.payments.StripeRefundsTest.refund;
import static dev.ticketing.payments.StripeRefundsTest.refundRequests;
import static dev.ticketing.payments.StripeRefundsTest.refunded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ticketing.common.events.PaymentCreated;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cards whose bank wants the buyer to confirm (3-D Secure), with WireMock as Stripe: the 202
 * answer, Stripe's signed webhooks as the news of how it ended, and a hold that ends meanwhile.
 */
class StripeThreeDSecureTest extends StripeApiTest {

    static final String CARD = "pm_card_threeDSecure2Required";

    @Test
    void aCardWhoseBankWantsConfirmationIsAnswered202WithThePaymentIntentToConfirm() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = awaitingConfirmation(order);

        Response response = pay(buyer, CARD, order);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().properties()).hasSize(4);
        assertThat(response.body().path("status").asString()).isEqualTo("requires_action");
        assertThat(response.body().path("paymentIntentId").asString()).isEqualTo(pi);
        assertThat(response.body().path("clientSecret").asString()).isEqualTo(pi + "_secret_test");
        assertThat(paymentOf(order).orElseThrow()).extracting(PaymentRow::id, PaymentRow::stripeId)
                .containsExactly(response.id(), null);
        assertThat(intentOf(order)).contains(pi);
        assertThat(probe.after(Duration.ofMillis(500), PaymentCreated.class, e -> e.orderId().equals(order))).isEmpty();
    }

    @Test
    void whileTheBankWaitsAnotherCardIsRefusedAndTheSameCardGetsTheSamePaymentIntent() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = awaitingConfirmation(order);
        Response first = pay(buyer, CARD, order);

        Response otherCard = pay(buyer, "tok_visa", order);
        Response sameCard = pay(buyer, CARD, order);

        assertThat(otherCard.status()).isEqualTo(409);
        assertThat(otherCard.message())
                .isEqualTo("A payment for this order awaits the confirmation of its card's bank, try again shortly");
        assertThat(requests(order + ":tok_visa")).isEmpty();
        assertThat(sameCard.status()).isEqualTo(202);
        assertThat(sameCard.id()).isEqualTo(first.id());
        assertThat(sameCard.body().path("paymentIntentId").asString()).isEqualTo(pi);
    }

    @Test
    void theConfirmedPaymentIsRecordedOnceByItsWebhookHoweverOftenItComes() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = awaitingConfirmation(order);
        UUID payment = pay(buyer, CARD, order).id();
        String succeededEvent = intentEvent("payment_intent.succeeded", pi, order, "succeeded");

        Response delivered = signedWebhook(succeededEvent);
        Response replayed = signedWebhook(succeededEvent);

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo(pi);
        assertThat(probe.after(Duration.ofSeconds(1), PaymentCreated.class, e -> e.orderId().equals(order)))
                .containsExactly(new PaymentCreated(payment, order, pi));
        assertThat(pay(buyer, CARD, order).message()).isEqualTo("Order has already been paid");
    }

    @Test
    void aFailedConfirmationReleasesTheOrderForAnotherCardAndCancelsItsPaymentIntent() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = awaitingConfirmation(order);
        pay(buyer, CARD, order);
        stripe.stubFor(cancelOf(pi).willReturn(okJson(intent(pi, "canceled"))));
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded("pi_after_3ds_failed_" + hex(order))));

        Response failed = signedWebhook(intentEvent("payment_intent.payment_failed", pi, order, "requires_payment_method"));

        assertThat(failed.status()).isEqualTo(200);
        assertThat(paymentOf(order)).isEmpty();
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo(cancelPath(pi))))).hasSize(1);
        Response anotherCard = pay(buyer, "tok_visa", order);
        assertThat(anotherCard.status()).isEqualTo(201);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_after_3ds_failed_" + hex(order));
    }

    @Test
    void aHoldThatEndsWhileTheBuyerConfirmsCancelsThePaymentIntentAndTakesNothing() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = awaitingConfirmation(order);
        pay(buyer, CARD, order);
        stripe.stubFor(retrieveOf(pi).willReturn(okJson(intent(pi, "requires_action"))));
        stripe.stubFor(cancelOf(pi).willReturn(okJson(intent(pi, "canceled"))));

        givenCancelled(order, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> paymentOf(order).isEmpty());
        assertThat(stripe.findAll(getRequestedFor(urlEqualTo(intentPath(pi))))).hasSize(1);
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo(cancelPath(pi))))).hasSize(1);
        assertThat(refundRequests(pi)).isEmpty();
        assertThat(pay(buyer, CARD, order).message()).isEqualTo("Cannot pay for a cancelled order");
    }

    @Test
    void aHoldThatEndsAfterTheBuyerConfirmedRefundsThePaymentOnceEvenWhenTheWebhookComesLate() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = awaitingConfirmation(order);
        UUID payment = pay(buyer, CARD, order).id();
        stripe.stubFor(retrieveOf(pi).willReturn(okJson(intent(pi, "succeeded"))));
        stripe.stubFor(refund(pi).willReturn(refunded("re_confirmed_late_" + hex(order))));

        givenCancelled(order, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundOf(order).isPresent());
        Response lateWebhook = signedWebhook(intentEvent("payment_intent.succeeded", pi, order, "succeeded"));

        assertThat(lateWebhook.status()).isEqualTo(200);
        assertThat(refundOf(order)).contains("re_confirmed_late_" + hex(order));
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo(pi);
        assertThat(refundRequests(pi)).hasSize(1);
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo(cancelPath(pi))))).isEmpty();
        assertThat(probe.after(Duration.ofSeconds(1), PaymentCreated.class, e -> e.orderId().equals(order)))
                .containsExactly(new PaymentCreated(payment, order, pi));
    }

    @Test
    void aChargeWhoseOutcomeWasUnknownWhenItsOrderWasCancelledIsRefundedWhenItsWebhookSaysItSucceeded() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.00");
        String pi = "pi_unknown_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(stripeFailure()));
        assertThat(pay(buyer, "tok_visa", order).status()).isEqualTo(503);
        givenCancelled(order, 1);
        stripe.stubFor(refund(pi).willReturn(refunded("re_unknown_" + hex(order))));

        Response webhook = signedWebhook(intentEvent("payment_intent.succeeded", pi, order, "succeeded"));

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo(pi);
        assertThat(refundOf(order)).contains("re_unknown_" + hex(order));
    }

    private String awaitingConfirmation(UUID order) {
        String pi = "pi_3ds_" + hex(order);
        stripe.stubFor(paymentIntent(order + ":" + CARD).willReturn(requiresAction(pi)));
        return pi;
    }

    static ResponseDefinitionBuilder requiresAction(String pi) {
        return okJson("""
                {"id":"%s","object":"payment_intent","amount":2500,"currency":"usd","status":"requires_action",
                 "client_secret":"%s_secret_test","next_action":{"type":"use_stripe_sdk","use_stripe_sdk":{}}}"""
                .formatted(pi, pi));
    }

    static MappingBuilder retrieveOf(String pi) {
        return WireMock.get(urlEqualTo(intentPath(pi)));
    }

    static MappingBuilder cancelOf(String pi) {
        return WireMock.post(urlEqualTo(cancelPath(pi)));
    }

    static String intentPath(String pi) {
        return StripePaymentsTest.PAYMENT_INTENTS + "/" + pi;
    }

    static String cancelPath(String pi) {
        return intentPath(pi) + "/cancel";
    }

    static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private Optional<String> intentOf(UUID order) {
        return jdbc.sql("SELECT intent_id FROM payments WHERE order_id = ?").param(order).query(String.class).optional();
    }

    private Optional<String> refundOf(UUID order) {
        return jdbc.sql("SELECT refund_id FROM payments WHERE order_id = ? AND refunded_at IS NOT NULL")
                .param(order).query(String.class).optional();
    }
}
