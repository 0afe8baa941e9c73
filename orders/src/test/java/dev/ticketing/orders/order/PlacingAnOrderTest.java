package dev.ticketing.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PlacingAnOrderTest extends OrdersIntegrationTest {

    @Test
    void placesAnOrderThatHoldsTheTicketForTheConfiguredTime() {
        UUID seller = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "Jazz night", "10.50");

        Instant before = Instant.now();
        Reply reply = post("/api/orders", orderFor(ticket), buyer);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode order = reply.body();
        UUID id = idOf(order);
        assertThat(order.propertyNames()).containsExactly("id", "status", "userId", "expiresAt", "version", "ticket");
        assertThat(order.get("status").asString()).isEqualTo("created");
        assertThat(order.get("userId").asString()).isEqualTo(buyer.toString());
        assertThat(order.get("version").asLong()).isZero();
        String expiresAt = order.get("expiresAt").asString();
        assertThat(expiresAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(expiresAt)).isCloseTo(before.plus(HOLD), within(5, ChronoUnit.SECONDS));
        JsonNode held = order.get("ticket");
        assertThat(held.propertyNames()).containsExactly("id", "title", "price", "version");
        assertThat(held.get("id").asString()).isEqualTo(ticket.toString());
        assertThat(held.get("title").asString()).isEqualTo("Jazz night");
        assertThat(held.get("price").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(held.get("version").asLong()).isZero();
        assertThat(reply.headers().getLocation()).hasPath("/api/orders/" + id);
        assertThat(status(id)).isEqualTo("created");
    }

    @Test
    void announcesTheNewOrderWithItsBuyerExpiryAndTicketPrice() {
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket(UUID.randomUUID(), "Opera", "99.99");

        JsonNode order = givenOrder(buyer, ticket);

        OrderCreated event = probe.awaitOne(OrderCreated.class, e -> e.id().equals(idOf(order)));
        assertThat(event.version()).isZero();
        assertThat(event.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(event.userId()).isEqualTo(buyer);
        assertThat(event.expiresAt()).isEqualTo(Instant.parse(order.get("expiresAt").asString()));
        assertThat(event.ticket().id()).isEqualTo(ticket);
        assertThat(event.ticket().price()).isEqualByComparingTo("99.99");
    }

    @Test
    void refusesWithoutASession() {
        UUID ticket = givenTicket();

        Reply reply = post("/api/orders", orderFor(ticket), null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
        assertThat(activeOrders(ticket)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"ticketId\":null}", "{\"ticketId\":\"\"}", "{\"ticketId\":\"   \"}",
            "{\"ticketId\":\"not-a-uuid\"}", "{\"ticketId\":42}",
            "{\"ticketId\":\"3f2b9c1e-0000-0000-0000-00000000000\"}"})
    void requiresATicketIdThatIsAUuid(String body) {
        Reply reply = post("/api/orders", body, UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors")).hasSize(1);
        JsonNode error = reply.body().get("errors").get(0);
        assertThat(error.get("message").asString()).isEqualTo("TicketId must be provided");
        assertThat(error.get("field").asString()).isEqualTo("ticketId");
    }

    @Test
    void answersAMalformedBodyAsInvalidJson() {
        Reply reply = post("/api/orders", "{\"ticketId\":", UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Invalid JSON body");
    }

    @Test
    void answersNotFoundForATicketItDoesNotKnow() {
        Reply reply = post("/api/orders", orderFor(UUID.randomUUID()), UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Not found");
    }

    @Test
    void refusesToSellASellerTheirOwnTicket() {
        UUID seller = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "Mine", "5.00");

        Reply reply = post("/api/orders", orderFor(ticket), seller);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("You cannot buy your own ticket");
        assertThat(activeOrders(ticket)).isZero();
    }

    @Test
    void refusesATicketThatAnotherOrderHolds() {
        UUID ticket = givenTicket();
        JsonNode first = givenOrder(UUID.randomUUID(), ticket);

        Reply reply = post("/api/orders", orderFor(ticket), UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Ticket is already reserved");
        assertThat(activeOrders(ticket)).isOne();
        assertThat(probe.after(Duration.ofSeconds(1), OrderCreated.class, e -> e.ticket().id().equals(ticket)))
                .extracting(OrderCreated::id).containsExactly(idOf(first));
    }

    @Test
    void refusesATicketThatTheSameBuyerAlreadyHolds() {
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket();
        givenOrder(buyer, ticket);

        Reply reply = post("/api/orders", orderFor(ticket), buyer);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Ticket is already reserved");
    }

    @Test
    void aCancelledOrderFreesTheTicketForAnotherBuyer() {
        UUID ticket = givenTicket();
        UUID firstBuyer = UUID.randomUUID();
        JsonNode first = givenOrder(firstBuyer, ticket);
        assertThat(delete("/api/orders/" + idOf(first), firstBuyer).status()).isEqualTo(204);

        Reply second = post("/api/orders", orderFor(ticket), UUID.randomUUID());

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("status").asString()).isEqualTo("created");
        assertThat(activeOrders(ticket)).isOne();
    }

    @Test
    void theBuyerWhoCancelledCanOrderTheTicketAgain() {
        UUID ticket = givenTicket();
        UUID buyer = UUID.randomUUID();
        JsonNode first = givenOrder(buyer, ticket);
        delete("/api/orders/" + idOf(first), buyer);

        Reply again = post("/api/orders", orderFor(ticket), buyer);

        assertThat(again.status()).isEqualTo(201);
        assertThat(idOf(again.body())).isNotEqualTo(idOf(first));
    }

    private long activeOrders(UUID ticket) {
        return jdbc.sql("""
                        SELECT count(*) FROM orders
                        WHERE ticket_id = ? AND status IN ('created', 'awaiting:payment', 'complete')""")
                .param(ticket).query(Long.class).single();
    }
}
