package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.common.testing.TestInfra;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.SimulatedGateway;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Payments without STRIPE_KEY: the simulated gateway answers like Stripe's test tokens. */
class SimulatedPaymentsTest extends PaymentsIntegrationTest {

    @Autowired PaymentGateway gateway;

    @Test
    void theServiceStartsWithTheSimulatedGatewayWhenStripeKeyIsNotSet() {
        assertThat(gateway).isInstanceOf(SimulatedGateway.class);
    }

    @Test
    void paysWithTokVisaAndPublishesPaymentCreated() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "19.99");

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().properties()).hasSize(1);
        UUID payment = response.id();
        PaymentRow row = paymentOf(order).orElseThrow();
        assertThat(row.id()).isEqualTo(payment);
        assertThat(row.amountCents()).isEqualTo(1999);
        assertThat(row.stripeId()).startsWith("pi_");
        PaymentCreated published = probe.awaitOne(PaymentCreated.class, e -> e.orderId().equals(order));
        assertThat(published).isEqualTo(new PaymentCreated(payment, order, row.stripeId()));
    }

    @Test
    void publishesPaymentCreatedOnceAsTheContractsJsonWithAnEventIdHeader() throws Exception {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "5.00");
        UUID payment = pay(buyer, "tok_visa", order).id();
        String stripeId = paymentOf(order).orElseThrow().stripeId();
        probe.awaitOne(PaymentCreated.class, e -> e.orderId().equals(order));

        List<Message> published = rawMessages("payment.created").stream()
                .filter(m -> new String(m.getData(), StandardCharsets.UTF_8).contains(order.toString()))
                .toList();

        assertThat(published).hasSize(1);
        assertThat(new String(published.get(0).getData(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":\"" + payment + "\",\"orderId\":\"" + order + "\",\"stripeId\":\"" + stripeId + "\"}");
        assertThat(UUID.fromString(published.get(0).getHeaders().getFirst("Nats-Msg-Id"))).isNotNull();
    }

    /** Every message on a contract subject of this run's stream, as published. */
    static List<Message> rawMessages(String subject) throws Exception {
        try (Connection nats = Nats.connect(TestInfra.NATS_URL)) {
            IterableConsumer consumer = nats.getStreamContext(TestInfra.STREAM)
                    .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(TestInfra.SUBJECT_PREFIX + subject))
                    .iterate();
            List<Message> messages = new ArrayList<>();
            Message m;
            while ((m = consumer.nextMessage(Duration.ofMillis(500))) != null) {
                messages.add(m);
            }
            consumer.stop();
            return messages;
        }
    }

    @Test
    void paysWithAPaymentMethodId() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");

        Response response = pay(buyer, "pm_card_visa", order);

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void answersADeclinedCardWith402AndTheProvidersMessage() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");

        Response response = pay(buyer, "tok_chargeDeclined", order);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.body().toString())
                .isEqualTo("{\"errors\":[{\"message\":\"Your card was declined.\"}]}");
        assertThat(paymentOf(order)).isEmpty();
        assertThat(probe.after(Duration.ofMillis(500), PaymentCreated.class, e -> e.orderId().equals(order))).isEmpty();
    }

    @Test
    void passesOnTheReasonOfADecline() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");

        Response response = pay(buyer, "tok_chargeDeclinedInsufficientFunds", order);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.message()).isEqualTo("Your card has insufficient funds.");
    }

    @Test
    void aBuyerWhoseCardWasDeclinedCanPayWithAnotherCard() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        pay(buyer, "tok_chargeDeclined", order);

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(201);
        assertThat(paymentOf(order).orElseThrow().stripeId()).startsWith("pi_");
    }

    @Test
    void declinesSomethingThatIsNotACardToken() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");

        Response response = pay(buyer, "4242424242424242", order);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.message()).startsWith("Invalid card token");
        assertThat(paymentOf(order)).isEmpty();
    }

    @Test
    void twentyConcurrentPaymentsOfOneOrderWithDifferentCardsChargeOnce() throws Exception {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "42.00");
        SimulatedGateway simulated = (SimulatedGateway) gateway;
        int chargesBefore = simulated.charges();

        List<Response> responses = concurrently(20, i -> pay(buyer, "tok_visa_" + i, order));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 400)
                .hasSize(19)
                .allSatisfy(r -> assertThat(r.message()).isEqualTo("Order has already been paid"));
        assertThat(simulated.charges() - chargesBefore).isEqualTo(1);
        UUID paid = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().id();
        assertThat(paymentOf(order).orElseThrow().id()).isEqualTo(paid);
        assertThat(probe.after(Duration.ofSeconds(1), PaymentCreated.class, e -> e.orderId().equals(order))).hasSize(1);
    }

    interface Call {
        Response run(int i);
    }

    /** Starts {@code n} calls at the same moment and returns their answers. */
    static List<Response> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
