package dev.ticketing.orders.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What expiration and payments tell this service about its orders. */
class OrderLifecycleEventsTest extends OrdersIntegrationTest {

    @Test
    void anExpiredOrderIsCancelledAndAnnouncedWithTheNextVersion() {
        UUID ticket = givenTicket();
        UUID order = idOf(givenOrder(UUID.randomUUID(), ticket));

        probe.publish(new ExpirationComplete(order));

        OrderCancelled event = probe.awaitOne(OrderCancelled.class, e -> e.id().equals(order));
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.ticket().id()).isEqualTo(ticket);
        assertThat(status(order)).isEqualTo("cancelled");
        assertThat(version(order)).isEqualTo(1);
    }

    @Test
    void anExpiredOrderFreesItsTicketForAnotherBuyer() {
        UUID ticket = givenTicket();
        UUID order = idOf(givenOrder(UUID.randomUUID(), ticket));
        awaitProcessed(probe.publish(new ExpirationComplete(order)));

        Reply reply = post("/api/orders", orderFor(ticket), UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void expiryLeavesAPaidOrderAlone() {
        UUID order = idOf(givenOrder(UUID.randomUUID(), givenTicket()));
        awaitProcessed(probe.publish(new PaymentCreated(UUID.randomUUID(), order, "pi_paid")));

        UUID expiry = probe.publish(new ExpirationComplete(order));

        awaitProcessed(expiry);
        assertThat(status(order)).isEqualTo("complete");
        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofMillis(500), OrderCancelled.class, e -> e.id().equals(order))).isEmpty();
    }

    @Test
    void expiryOfAnOrderTheBuyerCancelledAnnouncesNothingMore() {
        UUID buyer = UUID.randomUUID();
        UUID order = idOf(givenOrder(buyer, givenTicket()));
        delete("/api/orders/" + order, buyer);

        awaitProcessed(probe.publish(new ExpirationComplete(order)));

        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofSeconds(1), OrderCancelled.class, e -> e.id().equals(order)))
                .singleElement().extracting(OrderCancelled::version).isEqualTo(1L);
    }

    @Test
    void aRepeatedExpiryCancelsOnce() {
        UUID order = idOf(givenOrder(UUID.randomUUID(), givenTicket()));

        UUID first = probe.publish(new ExpirationComplete(order));
        probe.publish(new ExpirationComplete(order), first);
        UUID second = probe.publish(new ExpirationComplete(order));

        awaitProcessed(first);
        awaitProcessed(second);
        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofSeconds(1), OrderCancelled.class, e -> e.id().equals(order))).hasSize(1);
    }

    @Test
    void expiryOfAnUnknownOrderIsAcknowledgedAndIgnored() {
        UUID expiry = probe.publish(new ExpirationComplete(UUID.randomUUID()));

        awaitProcessed(expiry);
    }

    @Test
    void aPaymentCompletesTheOrderAndAnnouncesItWithTheNextVersion() {
        UUID buyer = UUID.randomUUID();
        UUID ticket = givenTicket();
        UUID order = idOf(givenOrder(buyer, ticket));

        probe.publish(new PaymentCreated(UUID.randomUUID(), order, "pi_123"));

        OrderCompleted event = probe.awaitOne(OrderCompleted.class, e -> e.id().equals(order));
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.ticket().id()).isEqualTo(ticket);
        JsonNode shown = get("/api/orders/" + order, buyer).body();
        assertThat(shown.get("status").asString()).isEqualTo("complete");
        assertThat(shown.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aPaidOrderKeepsItsTicketReserved() {
        UUID ticket = givenTicket();
        UUID order = idOf(givenOrder(UUID.randomUUID(), ticket));
        awaitProcessed(probe.publish(new PaymentCreated(UUID.randomUUID(), order, "pi_kept")));

        Reply reply = post("/api/orders", orderFor(ticket), UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Ticket is already reserved");
    }

    @Test
    void aRepeatedPaymentCompletesOnce() {
        UUID order = idOf(givenOrder(UUID.randomUUID(), givenTicket()));
        PaymentCreated payment = new PaymentCreated(UUID.randomUUID(), order, "pi_twice");

        UUID first = probe.publish(payment);
        probe.publish(payment, first);
        UUID second = probe.publish(payment);

        awaitProcessed(first);
        awaitProcessed(second);
        assertThat(status(order)).isEqualTo("complete");
        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofSeconds(1), OrderCompleted.class, e -> e.id().equals(order)))
                .singleElement().extracting(OrderCompleted::version).isEqualTo(1L);
    }

    @Test
    void aPaymentForAnOrderThatExpiredMeanwhileLeavesItCancelled() {
        UUID order = idOf(givenOrder(UUID.randomUUID(), givenTicket()));
        awaitProcessed(probe.publish(new ExpirationComplete(order)));

        UUID payment = probe.publish(new PaymentCreated(UUID.randomUUID(), order, "pi_late"));

        awaitProcessed(payment);
        assertThat(status(order)).isEqualTo("cancelled");
        assertThat(version(order)).isEqualTo(1);
        assertThat(probe.after(Duration.ofMillis(500), OrderCompleted.class, e -> e.id().equals(order))).isEmpty();
    }

    @Test
    void aPaymentForAnUnknownOrderIsParkedAfterItsRetries() {
        UUID payment = probe.publish(new PaymentCreated(UUID.randomUUID(), UUID.randomUUID(), "pi_unknown"));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM parked_events WHERE event_id = ?").param(payment).query(Long.class).single() == 1);
        assertThat(processed(payment)).isFalse();
    }
}
