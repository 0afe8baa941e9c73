package dev.ticketing.tickets.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.tickets.TicketsServiceTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** POST /api/tickets: a signed-in user puts a ticket up for sale. */
class SellTicketTest extends TicketsServiceTest {

    @Test
    void listsATicketForItsSellerAtVersionZero() {
        User seller = signedIn();

        Reply reply = post("/api/tickets", seller, body("  Concert  ", "10.5"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode ticket = reply.json();
        assertThat(ticket.get("title").asString()).isEqualTo("Concert");
        assertThat(reply.body()).contains("\"price\":10.50");
        assertThat(ticket.get("userId").asString()).isEqualTo(seller.id().toString());
        assertThat(ticket.get("version").asLong()).isZero();
        assertThat(ticket.has("orderId")).isFalse();
        assertThat(get("/api/tickets/" + reply.id()).json()).isEqualTo(ticket);
    }

    @Test
    void announcesTheNewTicketWithItsFieldsAndVersionZero() {
        User seller = signedIn();

        UUID id = sell(seller, "Opera", "99.9").id();

        TicketCreated created = events.awaitOne(TicketCreated.class, e -> e.id().equals(id));
        assertThat(created.version()).isZero();
        assertThat(created.title()).isEqualTo("Opera");
        assertThat(created.price()).isEqualByComparingTo("99.90");
        assertThat(created.userId()).isEqualTo(seller.id());
    }

    @Test
    void acceptsAPriceWrittenAsANumericString() {
        Reply reply = post("/api/tickets", signedIn(), body("Play", "\"10.50\""));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).contains("\"price\":10.50");
    }

    @Test
    void acceptsTheSmallestAndTheLargestPrice() {
        assertThat(sell(signedIn(), "Cheap", "0.01").body()).contains("\"price\":0.01");
        assertThat(sell(signedIn(), "Dear", "1000000").body()).contains("\"price\":1000000.00");
    }

    @Test
    void acceptsZerosBeyondTheSecondDecimal() {
        assertThat(sell(signedIn(), "Zeros", "10.500").body()).contains("\"price\":10.50");
    }

    @Test
    void acceptsATitleOf200CharactersAfterTrimming() {
        String title = "x".repeat(200);

        assertThat(sell(signedIn(), "  " + title + "  ", "5").text("title")).isEqualTo(title);
    }

    @Test
    void countsTheTitlesLengthInCharactersSoAHundredAndFiftyEmojiAreAccepted() {
        String title = "\uD83C\uDFAB".repeat(150);

        Reply reply = post("/api/tickets", signedIn(), body(title, "5"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.text("title")).isEqualTo(title);
    }

    @Test
    void storesATitleOf200EmojiWhole() {
        String title = "\uD83C\uDFB5".repeat(200);

        UUID id = sell(signedIn(), title, "5").id();

        assertThat(get("/api/tickets/" + id).text("title")).isEqualTo(title);
        assertThat(jdbc.sql("SELECT title FROM tickets WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(title);
    }

    @Test
    void requiresASessionBeforeLookingAtTheBody() {
        Reply reply = post("/api/tickets", null, "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("errors")).hasSize(1);
        assertThat(reply.message()).isEqualTo("Not authorized");
    }

    @Test
    void treatsAnInvalidTokenAsNoSession() {
        Reply reply = post("/api/tickets", new User(UUID.randomUUID(), "not-a-token"), body("Concert", "10"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
    }

    @ParameterizedTest(name = "title {0}")
    @MethodSource("invalidTitles")
    void rejectsAnInvalidTitle(String titleJson, String message) {
        Reply reply = post("/api/tickets", signedIn(), "{\"title\":" + titleJson + ",\"price\":10}");

        assertFieldError(reply, "title", message);
    }

    static Stream<Arguments> invalidTitles() {
        return Stream.of(
                Arguments.of("null", "Title is required"),
                Arguments.of("\"\"", "Title is required"),
                Arguments.of("\"   \"", "Title is required"),
                Arguments.of("\"" + "x".repeat(201) + "\"", "Title must be at most 200 characters"),
                Arguments.of("\"" + "\uD83C\uDFAB".repeat(201) + "\"", "Title must be at most 200 characters"),
                Arguments.of("\"" + "x".repeat(200) + "\uD83C\uDFAB\"", "Title must be at most 200 characters"));
    }

    @Test
    void rejectsAMissingTitle() {
        assertFieldError(post("/api/tickets", signedIn(), "{\"price\":10}"), "title", "Title is required");
    }

    @ParameterizedTest(name = "price {0}")
    @MethodSource("invalidPrices")
    void rejectsAnInvalidPrice(String priceJson, String message) {
        Reply reply = post("/api/tickets", signedIn(), body("Concert", priceJson));

        assertFieldError(reply, "price", message);
    }

    static Stream<Arguments> invalidPrices() {
        String notPositive = "Price must be greater than 0";
        String tooHigh = "Price must be at most 1000000";
        String tooPrecise = "Price must have at most 2 decimals";
        return Stream.of(
                Arguments.of("null", notPositive),
                Arguments.of("\"abc\"", notPositive),
                Arguments.of("\"\"", notPositive),
                Arguments.of("true", notPositive),
                Arguments.of("{}", notPositive),
                Arguments.of("{\"amount\":10}", notPositive),
                Arguments.of("[10]", notPositive),
                Arguments.of("0", notPositive),
                Arguments.of("\"0\"", notPositive),
                Arguments.of("-10", notPositive),
                Arguments.of("\"-10\"", notPositive),
                Arguments.of("-5.555", notPositive),
                Arguments.of("1000000.01", tooHigh),
                Arguments.of("\"1000001\"", tooHigh),
                Arguments.of("1e7", tooHigh),
                Arguments.of("1000000.001", tooHigh),
                Arguments.of("10.555", tooPrecise),
                Arguments.of("\"10.555\"", tooPrecise),
                Arguments.of("0.001", tooPrecise));
    }

    @Test
    void rejectsAMissingPrice() {
        assertFieldError(post("/api/tickets", signedIn(), "{\"title\":\"Concert\"}"), "price", "Price must be greater than 0");
    }

    @Test
    void reportsEveryInvalidFieldOnceInOrder() {
        Reply reply = post("/api/tickets", signedIn(), "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsExactly(
                "title: Title is required",
                "price: Price must be greater than 0");
    }

    @Test
    void rejectsMalformedJson() {
        Reply reply = post("/api/tickets", signedIn(), "{\"title\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Invalid JSON body");
    }

    @Test
    void storesNothingWhenInvalid() {
        User seller = signedIn();

        post("/api/tickets", seller, body("Concert", "0"));

        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE user_id = ?").param(seller.id())
                .query(Long.class).single()).isZero();
    }

    static void assertFieldError(Reply reply, String field, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(errors(reply)).containsExactly(field + ": " + message);
    }

    static List<String> errors(Reply reply) {
        return reply.json().get("errors").valueStream()
                .map(e -> e.get("field").asString() + ": " + e.get("message").asString())
                .toList();
    }
}
