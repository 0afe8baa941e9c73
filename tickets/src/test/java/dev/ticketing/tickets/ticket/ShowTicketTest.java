package dev.ticketing.tickets.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.tickets.TicketsServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/tickets/{id}: anyone sees one ticket, reserved or not. */
class ShowTicketTest extends TicketsServiceTest {

    @Test
    void showsATicketWithoutASession() {
        User seller = signedIn();
        UUID id = sell(seller, "Ballet", "45").id();

        Reply reply = get("/api/tickets/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":\"" + id + "\",\"title\":\"Ballet\",\"price\":45.00,\"userId\":\""
                + seller.id() + "\",\"version\":0}");
    }

    @Test
    void showsTheOrderHoldingAReservedTicket() {
        UUID id = sellOne(signedIn());
        UUID order = reserve(id);

        Reply reply = get("/api/tickets/" + id);

        assertThat(reply.text("orderId")).isEqualTo(order.toString());
        assertThat(reply.version()).isEqualTo(1);
    }

    @Test
    void answersNotFoundForAnUnknownId() {
        Reply reply = get("/api/tickets/" + UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Not found");
    }

    @Test
    void answersNotFoundForAMalformedId() {
        Reply reply = get("/api/tickets/not-a-uuid");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Not found");
    }
}
