package dev.ticketing.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.SimulatedGateway;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Stripe path, with WireMock standing in for api.stripe.com: what is sent (amount in cents,
 * currency, confirmation, token handling, idempotency key), and what each answer becomes.
 */
class StripePaymentsTest extends StripeApiTest {

    static final String PAYMENT_INTENTS = "/v1/payment_intents";

    @Autowired PaymentGateway gateway;

    @Test
    void theServiceChargesThroughStripeWhenStripeKeyIsSet() {
        assertThat(gateway).isNotInstanceOf(SimulatedGateway.class);
    }

    @Test
    void createsAndConfirmsAPaymentIntentForTheExactPriceInCents() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "19.99");
        String key = order + ":tok_visa";
        stripe.stubFor(paymentIntent(key).willReturn(succeeded("pi_1999")));

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(201);
        LoggedRequest sent = onlyRequest(key);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk_test_wiremock");
        assertThat(form(sent)).containsEntry("amount", "1999")
                .containsEntry("currency", "usd")
                .containsEntry("confirm", "true")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("payment_method_data[type]", "card")
                .containsEntry("payment_method_data[card][token]", "tok_visa")
                .containsEntry("metadata[order_id]", order.toString())
                .doesNotContainKey("payment_method");
        assertThat(paymentOf(order).orElseThrow()).isEqualTo(new PaymentRow(response.id(), "pi_1999", 1999, "tok_visa"));
        assertThat(probe.awaitOne(PaymentCreated.class, e -> e.orderId().equals(order)))
                .isEqualTo(new PaymentCreated(response.id(), order, "pi_1999"));
    }

    @ParameterizedTest(name = "a price of {0} is charged as {1} cents")
    @CsvSource({"0.10, 10", "1000000.00, 100000000"})
    void chargesThePriceExactlyInCents(String price, String cents) {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, price);
        String key = order + ":tok_visa";
        stripe.stubFor(paymentIntent(key).willReturn(succeeded("pi_" + cents)));

        assertThat(pay(buyer, "tok_visa", order).status()).isEqualTo(201);

        assertThat(form(onlyRequest(key))).containsEntry("amount", cents);
    }

    @Test
    void sendsAPaymentMethodIdAsThePaymentMethod() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "25.50");
        String key = order + ":pm_card_visa";
        stripe.stubFor(paymentIntent(key).willReturn(succeeded("pi_pm")));

        Response response = pay(buyer, "pm_card_visa", order);

        assertThat(response.status()).isEqualTo(201);
        Map<String, String> form = form(onlyRequest(key));
        assertThat(form).containsEntry("payment_method", "pm_card_visa")
                .containsEntry("amount", "2550")
                .containsEntry("confirm", "true");
        assertThat(form.keySet()).noneMatch(k -> k.startsWith("payment_method_data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCharges")
    void answersACardStripeRefusesWith402AndStripesMessage(String token, ResponseDefinitionBuilder answer, String message) {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        stripe.stubFor(paymentIntent(order + ":" + token).willReturn(answer));

        Response response = pay(buyer, token, order);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.body().toString()).isEqualTo("{\"errors\":[{\"message\":\"" + message + "\"}]}");
        assertThat(paymentOf(order)).isEmpty();
    }

    static Stream<Arguments> refusedCharges() {
        return Stream.of(
                Arguments.of("tok_chargeDeclined", declined("Your card was declined."), "Your card was declined."),
                Arguments.of("tok_nope", jsonResponse("""
                        {"error":{"type":"invalid_request_error","code":"resource_missing",
                         "param":"payment_method_data[card][token]","message":"No such token: 'tok_nope'"}}""", 400),
                        "No such token: 'tok_nope'"));
    }

    @Test
    void aBuyerWhoseCardWasDeclinedPaysWithAnotherCardUnderANewIdempotencyKey() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        stripe.stubFor(paymentIntent(order + ":tok_chargeDeclinedInsufficientFunds")
                .willReturn(declined("Your card has insufficient funds.")));
        stripe.stubFor(paymentIntent(order + ":tok_mastercard").willReturn(succeeded("pi_second_card")));

        Response declined = pay(buyer, "tok_chargeDeclinedInsufficientFunds", order);
        Response paid = pay(buyer, "tok_mastercard", order);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.message()).isEqualTo("Your card has insufficient funds.");
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_second_card");
    }

    @Test
    void aChargeWhoseOutcomeIsUnknownIsKeptAndSentAgainWithTheSameKeyOnTheNextTry() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "12.34");
        String key = order + ":tok_visa";
        stripe.stubFor(paymentIntent(key).inScenario(key).whenScenarioStateIs(STARTED)
                .willReturn(stripeFailure()).willSetStateTo("recovered"));
        stripe.stubFor(paymentIntent(key).inScenario(key).whenScenarioStateIs("recovered")
                .willReturn(succeeded("pi_after_outage")));

        Response failed = pay(buyer, "tok_visa", order);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.message()).isEqualTo("The payment provider is unavailable, try again shortly");
        PaymentRow unfinished = paymentOf(order).orElseThrow();
        assertThat(unfinished.stripeId()).isNull();

        ageUnfinishedPayment(order);
        Response retried = pay(buyer, "tok_visa", order);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.id()).isEqualTo(unfinished.id());
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_after_outage");
        assertThat(requests(key)).hasSize(2);
    }

    @Test
    void aRetryWithTheSameCardRecordsTheChargeWhoseDatabaseWriteFailed() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "19.99");
        String key = order + ":tok_visa";
        stripe.stubFor(paymentIntent(key).willReturn(succeeded("pi_charged_once")));

        Response failed = withTheNextPaymentWriteFailing(order, () -> pay(buyer, "tok_visa", order));
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.message()).isEqualTo("Something went wrong");
        assertThat(paymentOf(order).orElseThrow().stripeId()).isNull();

        ageUnfinishedPayment(order);
        Response retried = pay(buyer, "tok_visa", order);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_charged_once");
        // Stripe got the same idempotency key twice, so it made one PaymentIntent and answered it twice
        assertThat(requests(key)).hasSize(2).allSatisfy(r -> assertThat(form(r)).containsEntry("amount", "1999"));
        assertThat(probe.awaitOne(PaymentCreated.class, e -> e.orderId().equals(order)))
                .isEqualTo(new PaymentCreated(retried.id(), order, "pi_charged_once"));
    }

    @Test
    void anotherCardAfterAChargeWhoseWriteFailedIsRefusedAndTheFirstChargeRecorded() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "19.99");
        String firstKey = order + ":tok_visa";
        stripe.stubFor(paymentIntent(firstKey).willReturn(succeeded("pi_first_card")));
        withTheNextPaymentWriteFailing(order, () -> pay(buyer, "tok_visa", order));
        ageUnfinishedPayment(order);

        Response secondCard = pay(buyer, "tok_mastercard", order);

        assertThat(secondCard.status()).isEqualTo(400);
        assertThat(secondCard.message()).isEqualTo("Order has already been paid");
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_first_card");
        assertThat(requests(order + ":tok_mastercard")).isEmpty();
        assertThat(probe.awaitOne(PaymentCreated.class, e -> e.orderId().equals(order)).stripeId())
                .isEqualTo("pi_first_card");
    }

    @Test
    void anUnknownChargeThatTurnsOutDeclinedLetsTheBuyerPayWithAnotherCard() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        String firstKey = order + ":tok_chargeDeclined";
        stripe.stubFor(paymentIntent(firstKey).inScenario(firstKey).whenScenarioStateIs(STARTED)
                .willReturn(stripeFailure()).willSetStateTo("answered"));
        stripe.stubFor(paymentIntent(firstKey).inScenario(firstKey).whenScenarioStateIs("answered")
                .willReturn(declined("Your card was declined.")));
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded("pi_other_card")));
        assertThat(pay(buyer, "tok_chargeDeclined", order).status()).isEqualTo(503);
        ageUnfinishedPayment(order);

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(201);
        assertThat(requests(firstKey)).hasSize(2);
        assertThat(paymentOf(order).orElseThrow()).extracting(PaymentRow::stripeId, PaymentRow::token)
                .containsExactly("pi_other_card", "tok_visa");
    }

    @Test
    void twentyConcurrentPaymentsOfOneOrderMakeOneStripeRequest() throws Exception {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "75.00");
        String key = order + ":tok_visa";
        stripe.stubFor(paymentIntent(key).willReturn(succeeded("pi_once").withFixedDelay(300)));

        List<Response> responses = SimulatedPaymentsTest.concurrently(20, i -> pay(buyer, "tok_visa", order));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400)
                .hasSize(19)
                .allSatisfy(r -> assertThat(r.message()).isEqualTo("Order has already been paid"));
        assertThat(requests(key)).hasSize(1);
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_once");
        assertThat(probe.after(Duration.ofSeconds(1), PaymentCreated.class, e -> e.orderId().equals(order))).hasSize(1);
    }

    @Test
    void aBuyerWhoComesWhileAChargeOfTheOrderIsSlowIsToldItIsInProgress() throws Exception {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        stripe.stubFor(paymentIntent(order + ":tok_visa").willReturn(succeeded("pi_slow").withFixedDelay(6000)));
        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> pay(buyer, "tok_visa", order));
        await().atMost(Duration.ofSeconds(5)).until(() -> paymentOf(order).isPresent());

        Response meanwhile = pay(buyer, "tok_mastercard", order);

        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.message()).isEqualTo("A payment for this order is in progress, try again shortly");
        assertThat(slow.get().status()).isEqualTo(201);
        assertThat(requests(order + ":tok_mastercard")).isEmpty();
        assertThat(paymentOf(order).orElseThrow().stripeId()).isEqualTo("pi_slow");
    }

    private Response withTheNextPaymentWriteFailing(UUID order, java.util.function.Supplier<Response> call) {
        String suffix = order.toString().replace("-", "");
        jdbc.sql("CREATE SEQUENCE fail_" + suffix).update();
        jdbc.sql("CREATE FUNCTION fail_" + suffix + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF nextval('fail_" + suffix + "') = 1 THEN RAISE EXCEPTION 'the database write failed (test)'; END IF; "
                + "RETURN NEW; END $$").update();
        jdbc.sql("CREATE TRIGGER fail_" + suffix + " BEFORE UPDATE ON payments FOR EACH ROW WHEN (NEW.order_id = '"
                + order + "' AND NEW.stripe_id IS NOT NULL) EXECUTE FUNCTION fail_" + suffix + "()").update();
        try {
            return call.get();
        } finally {
            jdbc.sql("DROP TRIGGER fail_" + suffix + " ON payments").update();
            jdbc.sql("DROP FUNCTION fail_" + suffix + "()").update();
            jdbc.sql("DROP SEQUENCE fail_" + suffix).update();
        }
    }

    static MappingBuilder paymentIntent(String idempotencyKey) {
        return WireMock.post(urlEqualTo(PAYMENT_INTENTS)).withHeader("Idempotency-Key", equalTo(idempotencyKey));
    }

    static ResponseDefinitionBuilder succeeded(String id) {
        return okJson(intent(id, "succeeded"));
    }

    static String intent(String id, String status) {
        return """
                {"id":"%s","object":"payment_intent","amount":1000,"currency":"usd","status":"%s"}""".formatted(id, status);
    }

    static ResponseDefinitionBuilder declined(String message) {
        return jsonResponse("""
                {"error":{"type":"card_error","code":"card_declined","decline_code":"generic_decline",
                 "message":"%s","param":""}}""".formatted(message), 402);
    }

    static ResponseDefinitionBuilder stripeFailure() {
        return jsonResponse("""
                {"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}""", 500);
    }

    static List<LoggedRequest> requests(String idempotencyKey) {
        return stripe.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey)));
    }

    static LoggedRequest onlyRequest(String idempotencyKey) {
        List<LoggedRequest> sent = requests(idempotencyKey);
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    /** The form parameters Stripe received, names decoded: {@code payment_method_data[card][token]}. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
