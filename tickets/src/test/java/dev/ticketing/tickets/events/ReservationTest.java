package dev.ticketing.tickets.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.testing.TestInfra;
import dev.ticketing.tickets.TicketsServiceTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** order.created reserves a ticket, order.cancelled releases it; each change is announced once. */
class ReservationTest extends TicketsServiceTest {

    private static final Duration QUIET = Duration.ofSeconds(1);

    @Test
    void anOrderReservesTheTicketAndTheReservationIsAnnounced() {
        User seller = signedIn();
        UUID ticket = sell(seller, "Reserved show", "20").id();
        UUID order = UUID.randomUUID();

        events.publish(orderCreated(order, ticket));

        TicketUpdated updated = events.awaitOne(TicketUpdated.class, e -> e.id().equals(ticket));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.orderId()).isEqualTo(order);
        assertThat(updated.title()).isEqualTo("Reserved show");
        assertThat(updated.price()).isEqualByComparingTo("20.00");
        assertThat(updated.userId()).isEqualTo(seller.id());
        assertThat(orderIdOf(ticket)).isEqualTo(order);
        assertThat(version(ticket)).isEqualTo(1);
    }

    @Test
    void aDuplicatedOrderCreatedIsAppliedOnce() {
        UUID ticket = sellOne(signedIn());
        UUID order = UUID.randomUUID();
        OrderCreated event = orderCreated(order, ticket);
        UUID eventId = UUID.randomUUID();

        events.publish(event, eventId);
        events.publish(event, eventId);
        awaitProcessed(eventId);
        // the same order once more under another event id, as a resend from outside the stream's duplicate window would be
        awaitProcessed(events.publish(event));

        assertThat(version(ticket)).isEqualTo(1);
        assertThat(orderIdOf(ticket)).isEqualTo(order);
        assertThat(events.after(QUIET, TicketUpdated.class, e -> e.id().equals(ticket)))
                .extracting(TicketUpdated::version).containsExactly(1L);
    }

    @Test
    void anOrderForAnUnknownTicketIsHandledAndChangesNothing() {
        UUID ticket = UUID.randomUUID();

        UUID eventId = events.publish(orderCreated(UUID.randomUUID(), ticket));

        awaitProcessed(eventId);
        assertThat(jdbc.sql("SELECT count(*) FROM parked_events WHERE event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE id = ?").param(ticket).query(Long.class).single()).isZero();
        assertThat(events.after(QUIET, TicketUpdated.class, e -> e.id().equals(ticket))).isEmpty();
    }

    @Test
    void aNewerOrderTakesTheTicketWhileTheCancellationOfTheOlderOneIsStillOnItsWay() {
        UUID ticket = sellOne(signedIn());
        UUID older = reserve(ticket);
        UUID newer = Ids.next();

        awaitProcessed(events.publish(orderCreated(newer, ticket)));

        assertThat(orderIdOf(ticket)).isEqualTo(newer);
        assertThat(events.await(TicketUpdated.class, e -> e.id().equals(ticket), 2, Duration.ofSeconds(10)))
                .extracting(TicketUpdated::orderId).containsExactly(older, newer);
    }

    @Test
    void anOlderOrderArrivingLateLeavesTheTicketWithTheNewerOne() {
        UUID ticket = sellOne(signedIn());
        UUID older = Ids.next();
        UUID newer = reserve(ticket);

        awaitProcessed(events.publish(orderCreated(older, ticket)));

        assertThat(orderIdOf(ticket)).isEqualTo(newer);
        assertThat(version(ticket)).isEqualTo(1);
        assertThat(events.after(QUIET, TicketUpdated.class, e -> e.id().equals(ticket)))
                .extracting(TicketUpdated::orderId).containsExactly(newer);
    }

    @Test
    void cancellingTheHoldingOrderReleasesTheTicketAndAnnouncesIt() {
        User seller = signedIn();
        UUID ticket = sell(seller, "Released show", "35.5").id();
        UUID order = reserve(ticket);

        events.publish(orderCancelled(order, ticket));

        List<TicketUpdated> updates = events.await(TicketUpdated.class, e -> e.id().equals(ticket), 2, Duration.ofSeconds(10));
        TicketUpdated released = updates.get(1);
        assertThat(released.version()).isEqualTo(2);
        assertThat(released.orderId()).isNull();
        assertThat(released.title()).isEqualTo("Released show");
        assertThat(released.price()).isEqualByComparingTo("35.50");
        assertThat(released.userId()).isEqualTo(seller.id());
        Reply shown = get("/api/tickets/" + ticket);
        assertThat(shown.json().has("orderId")).isFalse();
        assertThat(shown.version()).isEqualTo(2);
    }

    @Test
    void theReleaseIsAnnouncedWithoutAnOrderIdField() throws Exception {
        UUID ticket = sellOne(signedIn());
        UUID order = reserve(ticket);
        try (Connection nats = Nats.connect(TestInfra.NATS_URL)) {
            Subscription updates = nats.subscribe(TestInfra.SUBJECT_PREFIX + "ticket.updated");
            nats.flush(Duration.ofSeconds(2));

            events.publish(orderCancelled(order, ticket));

            assertThat(nextPayloadAbout(updates, ticket)).contains("\"version\":2").doesNotContain("orderId");
        }
    }

    private static String nextPayloadAbout(Subscription subscription, UUID ticket) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Message message = subscription.nextMessage(Duration.ofMillis(500));
            if (message != null) {
                String payload = new String(message.getData(), StandardCharsets.UTF_8);
                if (payload.contains(ticket.toString())) {
                    return payload;
                }
            }
        }
        throw new AssertionError("No ticket.updated about " + ticket);
    }

    @Test
    void cancellingAnotherOrderLeavesTheReservation() {
        UUID ticket = sellOne(signedIn());
        UUID order = reserve(ticket);

        awaitProcessed(events.publish(orderCancelled(UUID.randomUUID(), ticket)));

        assertThat(orderIdOf(ticket)).isEqualTo(order);
        assertThat(version(ticket)).isEqualTo(1);
        assertThat(events.after(QUIET, TicketUpdated.class, e -> e.id().equals(ticket)))
                .extracting(TicketUpdated::version).containsExactly(1L);
    }

    @Test
    void anOrderCancelledBeforeItsCreationArrivedReservesNothing() {
        UUID ticket = sellOne(signedIn());
        UUID order = UUID.randomUUID();
        awaitProcessed(events.publish(orderCancelled(order, ticket)));

        awaitProcessed(events.publish(orderCreated(order, ticket)));

        assertThat(orderIdOf(ticket)).isNull();
        assertThat(version(ticket)).isZero();
        assertThat(events.after(QUIET, TicketUpdated.class, e -> e.id().equals(ticket))).isEmpty();
    }

    @Test
    void aDuplicatedCancellationReleasesOnce() {
        UUID ticket = sellOne(signedIn());
        UUID order = reserve(ticket);

        awaitProcessed(events.publish(orderCancelled(order, ticket)));
        awaitProcessed(events.publish(orderCancelled(order, ticket)));

        assertThat(version(ticket)).isEqualTo(2);
        assertThat(events.after(QUIET, TicketUpdated.class, e -> e.id().equals(ticket)))
                .extracting(TicketUpdated::version).containsExactly(1L, 2L);
    }

    @Test
    void aReleasedTicketCanBeReservedByTheNextOrder() {
        UUID ticket = sellOne(signedIn());
        UUID first = reserve(ticket);
        awaitProcessed(events.publish(orderCancelled(first, ticket)));

        UUID second = reserve(ticket);

        assertThat(orderIdOf(ticket)).isEqualTo(second);
        TicketUpdated latest = events.await(TicketUpdated.class, e -> e.id().equals(ticket), 3, Duration.ofSeconds(10)).get(2);
        assertThat(latest.version()).isEqualTo(3);
        assertThat(latest.orderId()).isEqualTo(second);
    }
}
