package dev.ticketing.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CancellingAnOrderTest extends OrdersIntegrationTest {

    @Test
    void cancelsTheBuyersOrderAndAnnouncesItWithTheNextVersion() {
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket();
        UUID order = idOf(givenOrder(buyer, ticket));

        Reply reply = delete("/api/orders/" + order, buyer);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isNull();
        assertThat(status(order)).isEqualTo("cancelled");
        assertThat(version(order)).isEqualTo(1);
        OrderCancelled event = probe.awaitOne(OrderCancelled.class, e -> e.id().equals(order));
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.ticket().id()).isEqualTo(ticket);
        JsonNode shown = get("/api/orders/" + order, buyer).body();
        assertThat(shown.get("status").asString()).isEqualTo("cancelled");
        assertThat(shown.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void cancellingTwiceAnswersNoContentWithoutASecondEvent() {
        UUID buyer = UUID.randomUUID();
        UUID order = idOf(givenOrder(buyer, givenTicket()));
        delete("/api/orders/" + order, buyer);

        Reply again = delete("/api/orders/" + order, buyer);

        assertThat(again.status()).isEqualTo(204);
        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofSeconds(1), OrderCancelled.class, e -> e.id().equals(order))).hasSize(1);
    }

    @Test
    void refusesToCancelACompletedOrder() {
        UUID buyer = UUID.randomUUID();
        UUID order = idOf(givenOrder(buyer, givenTicket()));
        probe.publish(new PaymentCreated(UUID.randomUUID(), order, "pi_test"));
        await().atMost(PATIENCE).until(() -> status(order).equals("complete"));

        Reply reply = delete("/api/orders/" + order, buyer);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Cannot cancel a completed order");
        assertThat(status(order)).isEqualTo("complete");
        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofMillis(500), OrderCancelled.class, e -> e.id().equals(order))).isEmpty();
    }

    @Test
    void refusesToCancelAnotherUsersOrder() {
        UUID order = idOf(givenOrder(UUID.randomUUID(), givenTicket()));

        Reply reply = delete("/api/orders/" + order, UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
        assertThat(status(order)).isEqualTo("created");
    }

    @Test
    void answersNotFoundForAnUnknownOrMalformedId() {
        Reply unknown = delete("/api/orders/" + UUID.randomUUID(), UUID.randomUUID());
        Reply malformed = delete("/api/orders/42", UUID.randomUUID());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("Not found");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.message()).isEqualTo("Not found");
    }

    @Test
    void refusesToCancelWithoutASession() {
        UUID order = idOf(givenOrder(UUID.randomUUID(), givenTicket()));

        Reply reply = delete("/api/orders/" + order, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
        assertThat(status(order)).isEqualTo("created");
    }
}
