package dev.ticketing.orders.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.math.BigDecimal;
import java.util.UUID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketReplicaTest extends OrdersIntegrationTest {

    @Autowired MeterRegistry meters;

    @Test
    void aCreatedTicketJoinsTheReplicaWithItsSeller() {
        UUID ticket = UUID.randomUUID();
        UUID seller = UUID.randomUUID();

        probe.publish(new TicketCreated(ticket, 0, "Rock", new BigDecimal("45.10"), seller));

        awaitReplicaVersion(ticket, 0);
        assertThat(replica(ticket)).isEqualTo(new Replica("Rock", new BigDecimal("45.10"), seller, 0));
    }

    @Test
    void aTicketCreatedTwiceIsAddedOnce() {
        UUID ticket = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID eventId = probe.publish(new TicketCreated(ticket, 0, "Original", new BigDecimal("10.00"), seller));
        awaitProcessed(eventId);

        probe.publish(new TicketCreated(ticket, 0, "Original", new BigDecimal("10.00"), seller), eventId);
        UUID resent = probe.publish(new TicketCreated(ticket, 0, "Resent", new BigDecimal("11.00"), seller));

        awaitProcessed(resent);
        assertThat(replica(ticket)).isEqualTo(new Replica("Original", new BigDecimal("10.00"), seller, 0));
    }

    @Test
    void anUpdateIsAppliedOnTopOfThePreviousVersion() {
        UUID seller = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "Old title", "10.00");

        probe.publish(updated(ticket, 1, "New title", "12.34", seller));

        awaitReplicaVersion(ticket, 1);
        assertThat(replica(ticket)).isEqualTo(new Replica("New title", new BigDecimal("12.34"), seller, 1));
    }

    @Test
    void updatesDeliveredOutOfOrderEndAtTheLatestVersion() {
        UUID seller = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "v0", "10.00");
        double notYetBefore = updatesNotYetApplied();

        UUID second = probe.publish(updated(ticket, 2, "v2", "30.00", seller));
        await().atMost(PATIENCE).until(() -> updatesNotYetApplied() > notYetBefore);
        UUID first = probe.publish(updated(ticket, 1, "v1", "20.00", seller));

        awaitProcessed(first);
        awaitProcessed(second);
        assertThat(replica(ticket)).isEqualTo(new Replica("v2", new BigDecimal("30.00"), seller, 2));
    }

    @Test
    void anUpdateThatArrivesBeforeTheTicketWaitsForIt() {
        UUID ticket = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        double notYetBefore = updatesNotYetApplied();
        UUID update = probe.publish(updated(ticket, 1, "Renamed", "15.00", seller));
        await().atMost(PATIENCE).until(() -> updatesNotYetApplied() > notYetBefore);
        assertThat(processed(update)).isFalse();

        probe.publish(new TicketCreated(ticket, 0, "Original", new BigDecimal("10.00"), seller));

        awaitProcessed(update);
        assertThat(replica(ticket)).isEqualTo(new Replica("Renamed", new BigDecimal("15.00"), seller, 1));
    }

    @Test
    void aRepeatedOrStaleUpdateChangesNothing() {
        UUID seller = UUID.randomUUID();
        UUID ticket = givenTicket(seller, "v0", "10.00");
        UUID first = probe.publish(updated(ticket, 1, "v1", "20.00", seller));
        awaitReplicaVersion(ticket, 1);
        probe.publish(updated(ticket, 2, "v2", "30.00", seller));
        awaitReplicaVersion(ticket, 2);

        probe.publish(updated(ticket, 1, "v1", "20.00", seller), first);
        UUID resentFirst = probe.publish(updated(ticket, 1, "v1 again", "21.00", seller));
        UUID resentSecond = probe.publish(updated(ticket, 2, "v2 again", "31.00", seller));

        awaitProcessed(resentFirst);
        awaitProcessed(resentSecond);
        assertThat(replica(ticket)).isEqualTo(new Replica("v2", new BigDecimal("30.00"), seller, 2));
    }

    /** How many times a ticket.updated came too early and was handed back for later. */
    private double updatesNotYetApplied() {
        Counter counter = meters.find("ticketing.events.handled")
                .tags("subject", "ticket.updated", "outcome", "not_yet").counter();
        return counter == null ? 0 : counter.count();
    }

    private static TicketUpdated updated(UUID ticket, long version, String title, String price, UUID seller) {
        return new TicketUpdated(ticket, version, title, new BigDecimal(price), seller, null);
    }

    record Replica(String title, BigDecimal price, UUID userId, long version) {
    }

    private Replica replica(UUID ticket) {
        return jdbc.sql("SELECT title, price, user_id, version FROM tickets WHERE id = ?").param(ticket)
                .query((rs, n) -> new Replica(rs.getString("title"), rs.getBigDecimal("price"),
                        rs.getObject("user_id", UUID.class), rs.getLong("version")))
                .single();
    }
}
