package dev.ticketing.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.ticketing.payments.StripePaymentsTest.PAYMENT_INTENTS;
import static dev.ticketing.payments.StripePaymentsTest.form;
import static dev.ticketing.payments.StripePaymentsTest.stripeFailure;
import static dev.ticketing.payments.StripePaymentsTest.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.TicketRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An order cancelled after its payment was taken (the buyer paid as the hold ran out, and the
 * expiry won) gets its money back: one Stripe refund of the PaymentIntent, retried until Stripe
 * takes it, never sent twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class StripeRefundsTest extends StripeApiTest {

    static final String REFUNDS = "/v1/refunds";

    @Autowired MeterRegistry meters;

    @Test
    void anOrderCancelledAfterItsPaymentWasTakenIsRefundedOnce() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "42.00");
        stripe.stubFor(paymentIntent(order).willReturn(succeeded("pi_late")));
        assertThat(pay(buyer, "tok_visa", order).status()).isEqualTo(201);
        stripe.stubFor(refund("pi_late").willReturn(refunded("re_late")));

        givenCancelled(order, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundOf(order).isPresent());
        UUID again = probe.publish(new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID()))); // the news again
        awaitProcessed(again);

        assertThat(refundOf(order)).contains("re_late");
        assertThat(refundRequests("pi_late")).singleElement()
                .satisfies(request -> assertThat(form(request)).containsEntry("payment_intent", "pi_late")
                        .containsEntry("metadata[order_id]", order.toString()));
    }

    @Test
    void aRefundStripeFailsIsTriedAgainWithTheSameKeyUntilItGoesThrough() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "15.00");
        stripe.stubFor(paymentIntent(order).willReturn(succeeded("pi_retry")));
        assertThat(pay(buyer, "tok_visa", order).status()).isEqualTo(201);
        stripe.stubFor(refund("pi_retry").inScenario(order.toString()).whenScenarioStateIs(STARTED)
                .willReturn(stripeFailure()).willSetStateTo("recovered"));
        stripe.stubFor(refund("pi_retry").inScenario(order.toString()).whenScenarioStateIs("recovered")
                .willReturn(refunded("re_retry")));

        givenCancelled(order, 1);

        await().atMost(Duration.ofSeconds(20)).until(() -> refundOf(order).isPresent());
        assertThat(refundOf(order)).contains("re_retry");
        assertThat(refundRequests("pi_retry")).hasSize(2);
    }

    @Test
    void aCancellationThatArrivesWhileTheCardIsBeingChargedRefundsTheChargeOnceItSucceeds() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "30.00");
        stripe.stubFor(paymentIntent(order).willReturn(succeeded("pi_slow_cancelled").withFixedDelay(1500)));
        CompletableFuture<Response> paying = CompletableFuture.supplyAsync(() -> pay(buyer, "tok_visa", order));
        await().atMost(Duration.ofSeconds(5)).until(() -> paymentOf(order).isPresent());
        stripe.stubFor(refund("pi_slow_cancelled").willReturn(refunded("re_slow")));

        probe.publish(new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID())));

        assertThat(paying.join().status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> refundOf(order).isPresent());
        assertThat(refundOf(order)).contains("re_slow");
        assertThat(replicaStatus(order)).contains("cancelled");
    }

    @Test
    void aCancelledOrderWhoseChargeOutcomeIsUnknownIsShownToAPersonWithItsIdempotencyKey(CapturedOutput output) {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "18.00");
        stripe.stubFor(paymentIntent(order).willReturn(stripeFailure()));
        assertThat(pay(buyer, "tok_visa", order).status()).isEqualTo(503);
        double shownBefore = meters.counter("ticketing.payments.unsettled").count();

        givenCancelled(order, 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> meters.counter("ticketing.payments.unsettled").count() == shownBefore + 1);
        assertThat(output.getOut()).containsPattern("WARN .*Order " + order
                + " was cancelled while the outcome of its charge is unknown .*idempotency key " + order + ":tok_visa");
        assertThat(paymentOf(order).orElseThrow().stripeId()).isNull();
        assertThat(pay(buyer, "tok_visa", order).message()).isEqualTo("Cannot pay for a cancelled order");
        assertThat(StripePaymentsTest.requests(order + ":tok_visa")).hasSize(1);
    }

    @Test
    void aCancelledOrderThatWasNeverPaidAsksForNoRefund() {
        UUID order = givenOrder(someone(), "10.00");

        givenCancelled(order, 1);

        assertThat(stripe.findAll(postRequestedFor(urlEqualTo(REFUNDS))))
                .noneSatisfy(request -> assertThat(form(request).get("metadata[order_id]")).isEqualTo(order.toString()));
    }

    private Optional<String> refundOf(UUID order) {
        return jdbc.sql("SELECT refund_id FROM payments WHERE order_id = ? AND refunded_at IS NOT NULL")
                .param(order).query(String.class).optional();
    }

    private static MappingBuilder paymentIntent(UUID order) {
        return WireMock.post(urlEqualTo(PAYMENT_INTENTS)).withHeader("Idempotency-Key", equalTo(order + ":tok_visa"));
    }

    static MappingBuilder refund(String paymentIntentId) {
        return WireMock.post(urlEqualTo(REFUNDS)).withHeader("Idempotency-Key", equalTo("refund:" + paymentIntentId));
    }

    static ResponseDefinitionBuilder refunded(String id) {
        return okJson("""
                {"id":"%s","object":"refund","amount":1000,"currency":"usd","status":"succeeded"}""".formatted(id));
    }

    static List<LoggedRequest> refundRequests(String paymentIntentId) {
        return stripe.findAll(postRequestedFor(urlEqualTo(REFUNDS))
                .withHeader("Idempotency-Key", equalTo("refund:" + paymentIntentId)));
    }
}
