package dev.ticketing.tickets.ticket;

import static dev.ticketing.tickets.ticket.ListTicketsTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.tickets.TicketsServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/tickets?q=: tickets for sale whose title has every word searched, ignoring case and accents. */
class SearchTicketsTest extends TicketsServiceTest {

    /** A word no other test's titles contain, so each test sees only its own tickets. */
    private final String word = "w" + UUID.randomUUID().toString().replace("-", "");
    private User seller;

    @BeforeEach
    void aSeller() {
        seller = signedIn();
    }

    @Test
    void findsTheTicketsWhoseTitleHasEveryWordNewestFirst() {
        UUID jazzNight = sell(seller, "Jazz night " + word, "10").id();
        sell(seller, "Rock night " + word, "10");
        UUID lateJazzNight = sell(seller, "Night of late jazz " + word, "10").id();
        sell(seller, "Jazz brunch " + word, "10");

        Reply reply = get("/api/tickets?q=" + word + "+night+jazz");

        assertThat(ids(reply)).containsExactly(lateJazzNight, jazzNight);
    }

    @Test
    void ignoresCaseAndAccentsOnBothSides() {
        UUID opera = sell(seller, "Opéra Garnier " + word.toUpperCase(), "10").id();
        UUID plain = sell(seller, "OPERA BASTILLE " + word, "10").id();

        assertThat(ids(get("/api/tickets?q=opera+" + word))).containsExactly(plain, opera);
        assertThat(ids(get("/api/tickets?q=%C3%89RA+" + word))).containsExactly(plain, opera);
        assertThat(ids(get("/api/tickets?q=garni%C3%A9r+" + word))).containsExactly(opera);
    }

    @Test
    void matchesPartsOfWords() {
        UUID festival = sell(seller, "Festival " + word, "10").id();

        assertThat(ids(get("/api/tickets?q=fest+" + word.substring(0, 12)))).containsExactly(festival);
    }

    @Test
    void takesPercentAndUnderscoreLiterally() {
        UUID percent = sell(seller, "100% live " + word, "10").id();
        sell(seller, "1000 lives " + word, "10");

        assertThat(ids(get("/api/tickets?q=100%25+" + word))).containsExactly(percent);
        assertThat(ids(get("/api/tickets?q=_+" + word))).isEmpty();
        assertThat(ids(get("/api/tickets?q=%5C+" + word))).isEmpty();
    }

    @Test
    void searchesOnlyTicketsForSale() {
        UUID reserved = sell(seller, "Reserved " + word, "10").id();
        UUID free = sell(seller, "Free " + word, "10").id();
        reserve(reserved);

        assertThat(ids(get("/api/tickets?q=" + word))).containsExactly(free);
    }

    @Test
    void findsATitleEditedIntoTheSearch() {
        UUID ticket = sell(seller, "Before", "10").id();

        put("/api/tickets/" + ticket, seller, body("After " + word, "10"));

        assertThat(ids(get("/api/tickets?q=after+" + word))).containsExactly(ticket);
    }

    @Test
    void aBlankSearchListsEveryTicketForSale() {
        UUID newest = sell(seller, "Anything " + word, "10").id();

        assertThat(ids(get("/api/tickets?q=+++&limit=1"))).containsExactly(newest);
        assertThat(ids(get("/api/tickets?q=&limit=1"))).containsExactly(newest);
    }

    @Test
    void findsNothingWhenOneWordIsMissing() {
        sell(seller, "Jazz night " + word, "10");

        assertThat(ids(get("/api/tickets?q=jazz+morning+" + word))).isEmpty();
    }
}
