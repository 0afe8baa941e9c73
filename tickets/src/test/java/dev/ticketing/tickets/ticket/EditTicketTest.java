package dev.ticketing.tickets.ticket;

import static dev.ticketing.tickets.ticket.SellTicketTest.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.tickets.TicketsServiceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** PUT /api/tickets/{id}: the seller changes title and price while nobody holds the ticket. */
class EditTicketTest extends TicketsServiceTest {

    private static final String CHANGED_MEANWHILE = "Ticket was changed by someone else, reload and retry";

    @Autowired
    DataSource dataSource;

    @Test
    void theSellerEditsTitleAndPriceAndTheVersionGoesUp() {
        User seller = signedIn();
        UUID id = sellOne(seller);

        Reply reply = put("/api/tickets/" + id, seller, body("  New title ", "\"15.5\""));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"id\":\"" + id + "\",\"title\":\"New title\",\"price\":15.50,\"userId\":\""
                + seller.id() + "\",\"version\":1}");
        assertThat(get("/api/tickets/" + id).body()).isEqualTo(reply.body());
    }

    @Test
    void announcesEveryEditWithTheNewVersion() {
        User seller = signedIn();
        UUID id = sellOne(seller);

        put("/api/tickets/" + id, seller, body("First edit", "30"));
        put("/api/tickets/" + id, seller, body("Second edit", "31.25"));

        List<TicketUpdated> updates = events.await(TicketUpdated.class, e -> e.id().equals(id), 2, Duration.ofSeconds(10));
        assertThat(updates).extracting(TicketUpdated::version).containsExactly(1L, 2L);
        TicketUpdated last = updates.get(1);
        assertThat(last.title()).isEqualTo("Second edit");
        assertThat(last.price()).isEqualByComparingTo("31.25");
        assertThat(last.userId()).isEqualTo(seller.id());
        assertThat(last.orderId()).isNull();
    }

    @Test
    void requiresASessionBeforeLookingAtTheBody() {
        UUID id = sellOne(signedIn());

        Reply reply = put("/api/tickets/" + id, null, "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
    }

    @Test
    void validatesTheBodyAsWhenSelling() {
        User seller = signedIn();
        UUID id = sellOne(seller);

        Reply reply = put("/api/tickets/" + id, seller, body(" ", "\"abc\""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(errors(reply)).containsExactly("title: Title is required", "price: Price must be greater than 0");
        assertThat(version(id)).isZero();
    }

    @Test
    void countsTheTitlesLengthInCharactersAsWhenSelling() {
        User seller = signedIn();
        UUID id = sellOne(seller);
        String emoji = "\uD83C\uDFAD";

        Reply accepted = put("/api/tickets/" + id, seller, body(emoji.repeat(200), "10"));
        Reply refused = put("/api/tickets/" + id, seller, body(emoji.repeat(201), "10"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.text("title")).isEqualTo(emoji.repeat(200));
        assertThat(errors(refused)).containsExactly("title: Title must be at most 200 characters");
    }

    @Test
    void rejectsAPriceWithThreeDecimals() {
        User seller = signedIn();
        UUID id = sellOne(seller);

        Reply reply = put("/api/tickets/" + id, seller, body("Concert", "12.345"));

        assertThat(errors(reply)).containsExactly("price: Price must have at most 2 decimals");
    }

    @Test
    void validatesTheBodyBeforeLookingForTheTicket() {
        Reply reply = put("/api/tickets/" + UUID.randomUUID(), signedIn(), body("Concert", "0"));

        assertThat(errors(reply)).containsExactly("price: Price must be greater than 0");
    }

    @Test
    void answersNotFoundForAnUnknownTicket() {
        Reply reply = put("/api/tickets/" + UUID.randomUUID(), signedIn(), body("Concert", "10"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Not found");
    }

    @Test
    void answersNotFoundForAMalformedId() {
        Reply reply = put("/api/tickets/12345", signedIn(), body("Concert", "10"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Not found");
    }

    @Test
    void refusesAnotherUsersTicket() {
        UUID id = sell(signedIn(), "Mine", "10").id();

        Reply reply = put("/api/tickets/" + id, signedIn(), body("Stolen", "1"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
        assertThat(get("/api/tickets/" + id).text("title")).isEqualTo("Mine");
    }

    @Test
    void refusesAnotherUsersTicketEvenWhenItIsReserved() {
        UUID id = sellOne(signedIn());
        reserve(id);

        Reply reply = put("/api/tickets/" + id, signedIn(), body("Stolen", "1"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.message()).isEqualTo("Not authorized");
    }

    @Test
    void rejectsEditsOfAReservedTicket() {
        User seller = signedIn();
        UUID id = sellOne(seller);
        reserve(id);

        Reply reply = put("/api/tickets/" + id, seller, body("Too late", "10"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Cannot edit a reserved ticket");
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void anEditThatLosesARaceIsToldToReloadAndChangesNothing() throws Exception {
        User seller = signedIn();
        UUID id = sellOne(seller);

        Reply reply = editWhileAnotherTransactionChangesTheTicket(id, seller,
                "UPDATE tickets SET title = 'Changed elsewhere', version = version + 1 WHERE id = ?");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.message()).isEqualTo(CHANGED_MEANWHILE);
        assertThat(get("/api/tickets/" + id).text("title")).isEqualTo("Changed elsewhere");
        assertThat(version(id)).isEqualTo(1);
    }

    @Test
    void anEditOvertakenByAReservationIsToldTheTicketIsReserved() throws Exception {
        User seller = signedIn();
        UUID id = sellOne(seller);

        Reply reply = editWhileAnotherTransactionChangesTheTicket(id, seller,
                "UPDATE tickets SET order_id = gen_random_uuid(), version = version + 1 WHERE id = ?");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Cannot edit a reserved ticket");
        assertThat(version(id)).isEqualTo(1);
    }

    /**
     * Holds the ticket's row with an uncommitted change, sends the edit (which reads the old
     * version, then waits for the row), and commits the change once the edit is waiting.
     */
    private Reply editWhileAnotherTransactionChangesTheTicket(UUID id, User seller, String change) throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement statement = other.prepareStatement(change)) {
                statement.setObject(1, id);
                statement.executeUpdate();
            }
            CompletableFuture<Reply> edit = CompletableFuture.supplyAsync(
                    () -> put("/api/tickets/" + id, seller, body("My edit", "11")));
            await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsForARowLock);
            other.commit();
            return edit.get(10, TimeUnit.SECONDS);
        }
    }

    private boolean someoneWaitsForARowLock() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .query(Long.class).single() > 0;
    }

    @Test
    void twoSimultaneousEditsNeverBothWinAndNeverLoseAnUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                User seller = signedIn();
                UUID id = sellOne(seller);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Reply>> racing = new ArrayList<>();
                for (int editor = 0; editor < 2; editor++) {
                    String title = "Edit " + editor;
                    racing.add(pool.submit(() -> {
                        start.await();
                        return put("/api/tickets/" + id, seller, body(title, "25"));
                    }));
                }
                List<Reply> replies = new ArrayList<>();
                for (Future<Reply> reply : racing) {
                    replies.add(reply.get(20, TimeUnit.SECONDS));
                }

                assertThat(replies).extracting(Reply::status).allMatch(s -> s == 200 || s == 409).contains(200);
                replies.stream().filter(r -> r.status() == 409)
                        .forEach(r -> assertThat(r.message()).isEqualTo(CHANGED_MEANWHILE));
                List<Reply> wins = replies.stream().filter(r -> r.status() == 200).toList();
                assertThat(version(id)).isEqualTo(wins.size());
                assertThat(wins).extracting(Reply::version).containsExactlyInAnyOrder(
                        wins.size() == 1 ? new Long[] {1L} : new Long[] {1L, 2L});
                Reply last = wins.stream().max((a, b) -> Long.compare(a.version(), b.version())).orElseThrow();
                assertThat(get("/api/tickets/" + id).text("title")).isEqualTo(last.text("title"));
                assertThat(events.await(TicketUpdated.class, e -> e.id().equals(id), wins.size(), Duration.ofSeconds(10)))
                        .extracting(TicketUpdated::version)
                        .containsExactlyInAnyOrder(wins.size() == 1 ? new Long[] {1L} : new Long[] {1L, 2L});
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
