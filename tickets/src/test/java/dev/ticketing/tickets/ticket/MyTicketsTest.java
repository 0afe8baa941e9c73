package dev.ticketing.tickets.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.Ids;
import dev.ticketing.tickets.TicketsServiceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/tickets/mine: a seller sees their own tickets, newest first, and how each one's sale stands. */
class MyTicketsTest extends TicketsServiceTest {

    @Test
    void listsTheCallersTicketsNewestFirstEachWithItsStatus() {
        User seller = signedIn();
        UUID available = sellOne(seller);
        UUID reserved = sellOne(seller);
        UUID sold = sellOne(seller);
        reserve(reserved);
        UUID paid = reserve(sold);
        awaitProcessed(events.publish(orderCompleted(paid, sold)));

        Reply reply = get("/api/tickets/mine", seller);

        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> listings = reply.json().valueStream().toList();
        assertThat(listings).extracting(t -> UUID.fromString(t.get("id").asString()))
                .containsExactly(sold, reserved, available);
        assertThat(listings).extracting(t -> t.get("status").asString())
                .containsExactly("sold", "reserved", "available");
    }

    @Test
    void showsEachListingAsTheTicketIsShownPlusItsStatus() {
        User seller = signedIn();
        UUID free = sell(seller, "Mine", "12.5").id();

        Reply reply = get("/api/tickets/mine", seller);

        assertThat(reply.body()).isEqualTo("[{\"id\":\"" + free + "\",\"title\":\"Mine\",\"price\":12.50,\"userId\":\""
                + seller.id() + "\",\"version\":0,\"status\":\"available\"}]");
    }

    @Test
    void aReservedListingNamesTheOrderHoldingIt() {
        User seller = signedIn();
        UUID ticket = sellOne(seller);
        UUID order = reserve(ticket);

        JsonNode listing = get("/api/tickets/mine", seller).json().get(0);

        assertThat(listing.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(listing.get("status").asString()).isEqualTo("reserved");
    }

    @Test
    void leavesOutOtherSellersTickets() {
        User seller = signedIn();
        sellOne(signedIn());

        Reply reply = get("/api/tickets/mine", seller);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        assertThat(reply.json()).isEmpty();
    }

    @Test
    void requiresASession() {
        Reply reply = get("/api/tickets/mine");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
    }

    @Test
    void aCompletionHeardTwiceSellsOnceAndAnnouncesNothing() {
        User seller = signedIn();
        UUID ticket = sellOne(seller);
        UUID order = reserve(ticket);

        awaitProcessed(events.publish(orderCompleted(order, ticket)));
        awaitProcessed(events.publish(orderCompleted(order, ticket)));

        assertThat(version(ticket)).isEqualTo(1);
        assertThat(get("/api/tickets/mine", seller).json().get(0).get("status").asString()).isEqualTo("sold");
    }

    @Test
    void aSoldTicketCannotBeEditedNorIsItForSale() {
        User seller = signedIn();
        UUID ticket = sellOne(seller);
        UUID order = reserve(ticket);
        awaitProcessed(events.publish(orderCompleted(order, ticket)));

        Reply edit = put("/api/tickets/" + ticket, seller, body("Sold twice", "10"));

        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.message()).isEqualTo("Cannot edit a reserved ticket");
        assertThat(get("/api/tickets/" + ticket).text("orderId")).isEqualTo(order.toString());
    }

    @Test
    void aPaidOrderKeepsTheTicketWhateverArrivesAfterItsCompletion() {
        User seller = signedIn();
        UUID ticket = sellOne(seller);
        UUID order = Ids.next();
        awaitProcessed(events.publish(orderCompleted(order, ticket)));
        awaitProcessed(events.publish(orderCancelled(order, ticket)));
        awaitProcessed(events.publish(orderCreated(order, ticket)));

        assertThat(orderIdOf(ticket)).isEqualTo(order);
        assertThat(get("/api/tickets/mine", seller).json().get(0).get("status").asString()).isEqualTo("sold");
    }
}
