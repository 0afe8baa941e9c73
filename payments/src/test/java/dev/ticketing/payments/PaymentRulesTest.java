package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every rule of POST /api/payments, in the order SPEC.md lists them. */
class PaymentRulesTest extends PaymentsIntegrationTest {

    @Test
    void requiresASession() {
        UUID order = givenOrder(someone(), "10.00");

        Response response = post(null, "{\"token\":\"tok_visa\",\"orderId\":\"" + order + "\"}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).isEqualTo("Not authorized");
    }

    @Test
    void answersASessionlessRequestWith401BeforeValidatingItsBody() {
        Response response = post(null, "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).isEqualTo("Not authorized");
    }

    @Test
    void requiresATokenAndAnOrderIdWithOneErrorPerField() {
        Response response = post(someone(), "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString()).isEqualTo(
                "{\"errors\":[{\"message\":\"Token is required\",\"field\":\"token\"},"
                        + "{\"message\":\"OrderId is required\",\"field\":\"orderId\"}]}");
    }

    @Test
    void rejectsABlankToken() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");

        Response response = pay(buyer, "  ", order);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString())
                .isEqualTo("{\"errors\":[{\"message\":\"Token is required\",\"field\":\"token\"}]}");
    }

    @Test
    void rejectsABlankOrderId() {
        Response response = post(someone(), "{\"token\":\"tok_visa\",\"orderId\":\" \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString())
                .isEqualTo("{\"errors\":[{\"message\":\"OrderId is required\",\"field\":\"orderId\"}]}");
    }

    @Test
    void answers404ForAnOrderIdThatIsNotAUuid() {
        Response response = post(someone(), "{\"token\":\"tok_visa\",\"orderId\":\"not-a-uuid\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Not found");
    }

    @Test
    void answers404ForAnUnknownOrder() {
        Response response = pay(someone(), "tok_visa", UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).isEqualTo("Not found");
    }

    @Test
    void refusesToPayForAnotherUsersOrder() {
        UUID order = givenOrder(someone(), "10.00");

        Response response = pay(someone(), "tok_visa", order);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).isEqualTo("Not authorized");
        assertThat(paymentOf(order)).isEmpty();
    }

    @Test
    void refusesToPayForACancelledOrder() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        givenCancelled(order, 1);

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Cannot pay for a cancelled order");
        assertThat(paymentOf(order)).isEmpty();
    }

    @Test
    void refusesToPayForACompletedOrder() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        givenCompleted(order, 1);

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Order has already been paid");
        assertThat(paymentOf(order)).isEmpty();
    }

    @Test
    void refusesToPayForAnOrderThatAlreadyHasAPayment() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        Response first = pay(buyer, "tok_visa", order);

        Response second = pay(buyer, "tok_mastercard", order);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.message()).isEqualTo("Order has already been paid");
        assertThat(paymentOf(order)).get().extracting(PaymentRow::id).isEqualTo(first.id());
    }

    @Test
    void refusesToPayForAnExpiredOrder() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00", Instant.now().minusSeconds(1));

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Order has expired");
        assertThat(paymentOf(order)).isEmpty();
    }

    @Test
    void aPaidOrderPastItsHoldSaysItIsPaidRatherThanExpired() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        pay(buyer, "tok_visa", order);
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = ?").param(order).update();

        Response response = pay(buyer, "tok_visa", order);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Order has already been paid");
    }

    @Test
    void checksOwnershipBeforeTheOrdersStatus() {
        UUID order = givenOrder(someone(), "10.00");
        givenCancelled(order, 1);

        Response response = pay(someone(), "tok_visa", order);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void answersMalformedJsonWith400() {
        Response response = post(someone(), "{\"token\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).isEqualTo("Invalid JSON body");
    }
}
