package dev.ticketing.tickets.ticket;

import static dev.ticketing.tickets.ticket.SellTicketTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.tickets.TicketsServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

/** GET /api/tickets: anyone sees the tickets still for sale, newest first. */
class ListTicketsTest extends TicketsServiceTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");

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

    // --- pages and their links

    @Test
    void followingTheLinksGivesEveryTicketOnceEvenWhenTicketsAreListedMeanwhile() {
        String word = uniqueWord();
        User seller = signedIn();
        List<UUID> listed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            listed.add(sell(seller, "Paged " + word + " " + i, "10").id());
        }

        Reply first = get("/api/tickets?q=" + word + "&limit=2");
        sell(seller, "Newcomer " + word, "10");
        Reply second = get(next(first));
        UUID latecomer = sell(seller, "Latecomer " + word, "10").id();
        Reply third = get(next(second));

        assertThat(ids(first)).containsExactly(listed.get(4), listed.get(3));
        assertThat(ids(second)).containsExactly(listed.get(2), listed.get(1));
        assertThat(ids(third)).containsExactly(listed.get(0));
        assertThat(nextOrNull(third)).isNull();
        assertThat(ids(get("/api/tickets?q=" + word + "&limit=1"))).containsExactly(latecomer);
    }

    @Test
    void theLinkToTheNextPageKeepsTheSearchAndTheLimit() {
        String word = uniqueWord();
        User seller = signedIn();
        sell(seller, "Opéra " + word + " one", "10");
        sell(seller, "Opéra " + word + " two", "10");

        Reply first = get("/api/tickets?q=op%C3%A9ra+" + word + "&limit=1");

        assertThat(first.headers().getFirst(HttpHeaders.LINK))
                .matches("</api/tickets\\?q=op%C3%A9ra\\+" + word + "&limit=1&cursor=[A-Za-z0-9_-]+>; rel=\"next\"");
        assertThat(first.headers().get(HttpHeaders.LINK)).hasSize(1);
    }

    @Test
    void aFullLastPageHasNoLinkToAnEmptyOne() {
        String word = uniqueWord();
        User seller = signedIn();
        sell(seller, "Full " + word + " one", "10");
        sell(seller, "Full " + word + " two", "10");

        Reply page = get("/api/tickets?q=" + word + "&limit=2");

        assertThat(ids(page)).hasSize(2);
        assertThat(nextOrNull(page)).isNull();
    }

    @Test
    void theLinkLeavesTheLimitAtTheMaximumWhenMoreWasAsked() {
        jdbc.sql("""
                INSERT INTO tickets (id, title, price, user_id, created_at)
                SELECT gen_random_uuid(), 'Capped ' || n, 5, gen_random_uuid(), now() - interval '2 days'
                FROM generate_series(1, 501) AS n""").update();

        Reply reply = get("/api/tickets?q=capped&limit=1000");

        assertThat(ids(reply)).hasSize(500);
        assertThat(next(reply)).contains("limit=500&");
        assertThat(ids(get(next(reply)))).hasSize(1);
    }

    @Test
    void anOffsetCountsFromTheCursor() {
        String word = uniqueWord();
        User seller = signedIn();
        List<UUID> listed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            listed.add(sell(seller, "Offset " + word + " " + i, "10").id());
        }
        Reply first = get("/api/tickets?q=" + word + "&limit=1");

        Reply skipping = get(next(first) + "&offset=1");

        assertThat(ids(skipping)).containsExactly(listed.get(1));
    }

    @ParameterizedTest(name = "cursor={0}")
    @ValueSource(strings = {"", "abc", "not*base64", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            // a well-formed token of a time before 1970 and of one after the year 9999
            "gAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "f_________wAAAAAAAAAAAAAAAAAAAAA"})
    void rejectsACursorThatNoLinkGave(String cursor) {
        Reply reply = get("/api/tickets?cursor=" + cursor);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsExactly("cursor: Cursor is not valid");
    }

    private static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "");
    }

    static String next(Reply reply) {
        String next = nextOrNull(reply);
        assertThat(next).as("Link rel=next of %s", reply.headers()).isNotNull();
        return next;
    }

    static String nextOrNull(Reply reply) {
        String link = reply.headers().getFirst(HttpHeaders.LINK);
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        assertThat(m.matches()).as(link).isTrue();
        return m.group(1);
    }

    static List<UUID> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().valueStream().map(t -> UUID.fromString(t.get("id").asString())).toList();
    }
}
