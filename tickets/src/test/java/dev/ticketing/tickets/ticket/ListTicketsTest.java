package dev.ticketing.tickets.ticket;

import static dev.ticketing.tickets.ticket.SellTicketTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.tickets.TicketsServiceTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/tickets: anyone sees the tickets still for sale, newest first. */
class ListTicketsTest extends TicketsServiceTest {

    @Test
    void listsNewestFirstWithoutASession() {
        User seller = signedIn();
        UUID first = sellOne(seller);
        UUID second = sellOne(seller);
        UUID third = sellOne(seller);

        Reply reply = get("/api/tickets?limit=3");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ids(reply)).containsExactly(third, second, first);
    }

    @Test
    void pagesWithLimitAndOffset() {
        User seller = signedIn();
        UUID first = sellOne(seller);
        UUID second = sellOne(seller);
        sellOne(seller);

        assertThat(ids(get("/api/tickets?limit=1&offset=1"))).containsExactly(second);
        assertThat(ids(get("/api/tickets?limit=2&offset=1"))).containsExactly(second, first);
        assertThat(ids(get("/api/tickets?limit=0"))).isEmpty();
    }

    @Test
    void leavesReservedTicketsOutUntilTheyAreReleased() {
        User seller = signedIn();
        UUID reserved = sellOne(seller);
        UUID free = sellOne(seller);
        UUID order = reserve(reserved);

        assertThat(ids(get("/api/tickets"))).contains(free).doesNotContain(reserved);

        awaitProcessed(events.publish(orderCancelled(order, reserved)));
        assertThat(ids(get("/api/tickets"))).contains(free, reserved);
    }

    @Test
    void showsEachTicketsFieldsWithoutOrderId() {
        User seller = signedIn();
        UUID id = sell(seller, "Listed", "\"12.3\"").id();

        Reply reply = get("/api/tickets?limit=1");

        assertThat(reply.body()).isEqualTo("[{\"id\":\"" + id + "\",\"title\":\"Listed\",\"price\":12.30,\"userId\":\""
                + seller.id() + "\",\"version\":0}]");
    }

    @Test
    void givesAHundredByDefaultAndNeverMoreThanFiveHundred() {
        // old enough not to disturb the newest-first tests
        jdbc.sql("""
                INSERT INTO tickets (id, title, price, user_id, created_at)
                SELECT gen_random_uuid(), 'Bulk ' || n, 5, gen_random_uuid(), now() - interval '1 day'
                FROM generate_series(1, 501) AS n""").update();

        assertThat(ids(get("/api/tickets"))).hasSize(100);
        assertThat(ids(get("/api/tickets?limit=1000"))).hasSize(500);
        assertThat(ids(get("/api/tickets?limit=99999999999999999999999"))).hasSize(500);
        assertThat(ids(get("/api/tickets?limit=500&offset=99999999999999999999999"))).isEmpty();
    }

    @ParameterizedTest(name = "?{0}={1}")
    @CsvSource({
            "limit, abc, Limit must be a non-negative integer",
            "limit, -1, Limit must be a non-negative integer",
            "limit, 1.5, Limit must be a non-negative integer",
            "offset, x, Offset must be a non-negative integer",
            "offset, -3, Offset must be a non-negative integer"})
    void rejectsALimitOrOffsetThatIsNotANonNegativeInteger(String parameter, String value, String message) {
        Reply reply = get("/api/tickets?" + parameter + "=" + value);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsExactly(parameter + ": " + message);
    }

    @Test
    void reportsBothABadLimitAndABadOffset() {
        Reply reply = get("/api/tickets?limit=many&offset=-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsExactly(
                "limit: Limit must be a non-negative integer",
                "offset: Offset must be a non-negative integer");
    }

    private static List<UUID> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().valueStream().map(t -> UUID.fromString(t.get("id").asString())).toList();
    }
}
