package dev.ticketing.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReadingOrdersTest extends OrdersIntegrationTest {

    @Test
    void listsOnlyTheCallersOrdersOldestFirstEachWithItsTicket() {
        UUID buyer = UUID.randomUUID();
        UUID otherBuyer = UUID.randomUUID();
        UUID first = givenTicket(UUID.randomUUID(), "First show", "10.00");
        UUID second = givenTicket(UUID.randomUUID(), "Second show", "25.50");
        UUID third = givenTicket(UUID.randomUUID(), "Third show", "7.25");
        JsonNode firstOrder = givenOrder(buyer, first);
        givenOrder(otherBuyer, second);
        JsonNode secondOrder = givenOrder(buyer, third);
        delete("/api/orders/" + idOf(firstOrder), buyer);

        Reply reply = get("/api/orders", buyer);

        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> orders = StreamSupport.stream(reply.body().spliterator(), false).toList();
        assertThat(orders).extracting(o -> idOf(o)).containsExactly(idOf(firstOrder), idOf(secondOrder));
        assertThat(orders).extracting(o -> o.get("status").asString()).containsExactly("cancelled", "created");
        assertThat(orders).extracting(o -> o.get("userId").asString()).containsOnly(buyer.toString());
        assertThat(orders).extracting(o -> o.get("ticket").get("title").asString())
                .containsExactly("First show", "Third show");
        assertThat(orders.get(1).get("ticket").get("id").asString()).isEqualTo(third.toString());
        assertThat(orders.get(1).get("ticket").get("price").decimalValue()).isEqualByComparingTo("7.25");
        assertThat(orders.get(1).get("ticket").get("version").asLong()).isZero();
        assertThat(orders.get(0).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void listsNothingForABuyerWithoutOrders() {
        Reply reply = get("/api/orders", UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().isArray()).isTrue();
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void showsTheTitleAndPriceTheOrderWasPlacedAtAfterTheSellerEditsTheTicket() {
        UUID seller = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "Ordered title", "10.00");
        JsonNode order = givenOrder(buyer, ticket);
        // the seller's edit won the race against the reservation: tickets accepted it and announced it
        probe.publish(new TicketUpdated(ticket, 1, "Edited title", new BigDecimal("500.00"), seller, null));
        awaitReplicaVersion(ticket, 1);

        JsonNode shown = get("/api/orders/" + idOf(order), buyer).body();
        JsonNode listed = get("/api/orders", buyer).body().get(0);

        for (JsonNode seen : List.of(shown, listed)) {
            assertThat(seen.get("ticket").get("title").asString()).isEqualTo("Ordered title");
            assertThat(seen.get("ticket").get("price").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(seen.get("ticket").get("version").asLong()).isZero();
        }
        assertThat(shown).isEqualTo(order);
    }

    @Test
    void aCancelledOrderStillShowsWhatItWasPlacedAt() {
        UUID seller = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "Ordered title", "10.00");
        JsonNode order = givenOrder(buyer, ticket);
        delete("/api/orders/" + idOf(order), buyer);
        probe.publish(new TicketUpdated(ticket, 1, "Relisted title", new BigDecimal("99.00"), seller, null));
        awaitReplicaVersion(ticket, 1);

        JsonNode shown = get("/api/orders/" + idOf(order), buyer).body();

        assertThat(shown.get("status").asString()).isEqualTo("cancelled");
        assertThat(shown.get("ticket").get("title").asString()).isEqualTo("Ordered title");
        assertThat(shown.get("ticket").get("price").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void showsTheCallerTheirOrder() {
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket(UUID.randomUUID(), "Theatre", "30.00");
        JsonNode placed = givenOrder(buyer, ticket);

        Reply reply = get("/api/orders/" + idOf(placed), buyer);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(placed);
    }

    @Test
    void refusesToShowAnotherUsersOrder() {
        JsonNode placed = givenOrder(UUID.randomUUID(), givenTicket());

        Reply reply = get("/api/orders/" + idOf(placed), UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
    }

    @Test
    void answersNotFoundForAnUnknownOrMalformedId() {
        Reply unknown = get("/api/orders/" + UUID.randomUUID(), UUID.randomUUID());
        Reply malformed = get("/api/orders/not-an-id", UUID.randomUUID());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("Not found");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.message()).isEqualTo("Not found");
    }

    @Test
    void refusesReadingWithoutASession() {
        JsonNode placed = givenOrder(UUID.randomUUID(), givenTicket());

        Reply list = get("/api/orders", null);
        Reply one = get("/api/orders/" + idOf(placed), null);

        assertThat(list.status()).isEqualTo(401);
        assertThat(list.message()).isEqualTo("Not authorized");
        assertThat(one.status()).isEqualTo(401);
        assertThat(one.message()).isEqualTo("Not authorized");
    }
}
