package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = MessagingTestApplication.class)
class OutboxAndConsumerTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging");
    }

    static EventProbe probe;

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void connect() {
        probe = EventProbe.forThisRun(JsonMapper.shared());
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Test
    void anEventCommittedWithItsChangeIsPublishedWithItsIdAsMessageId() {
        UUID ticket = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(created(ticket, 0, "concert")));

        TicketCreated published = probe.awaitOne(TicketCreated.class, e -> e.id().equals(ticket));

        assertThat(published.title()).isEqualTo("concert");
        assertThat(published.price()).isEqualByComparingTo("12.50");
        await().atMost(Duration.ofSeconds(5)).until(() -> outboxSize() == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID ticket = UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            outbox.publish(created(ticket, 0, "never"));
            s.setRollbackOnly();
        });

        assertThat(probe.after(Duration.ofSeconds(2), TicketCreated.class, e -> e.id().equals(ticket))).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID ticket = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        probe.publish(created(ticket, 0, "twice"), eventId);
        awaitApplied(ticket, 1);
        // outside the stream's duplicate window the broker would deliver it again: the consumer must not apply it again
        jdbc.sql("DELETE FROM applied WHERE ticket_id = ?").param(ticket).update();
        probe.publish(created(ticket, 0, "twice"), eventId);

        assertThat(probe.after(Duration.ofSeconds(1), TicketCreated.class, e -> e.id().equals(ticket))).hasSize(1);
        assertThat(appliedVersions(ticket)).isEmpty();
    }

    @Test
    void versionsDeliveredOutOfOrderEndAppliedInOrder() {
        UUID ticket = UUID.randomUUID();
        probe.publish(created(ticket, 2, "v2"));
        probe.publish(created(ticket, 0, "v0"));
        probe.publish(created(ticket, 1, "v1"));

        awaitApplied(ticket, 3);
        assertThat(jdbc.sql("SELECT version FROM applied WHERE ticket_id = ? ORDER BY applied_at")
                .param(ticket).query(Long.class).list()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aPoisonEventIsParkedAfterTheLastDeliveryAndTheConsumerKeepsGoing() {
        UUID poison = UUID.randomUUID();
        UUID poisonEvent = probe.publish(created(poison, 0, "poison"));
        UUID healthy = UUID.randomUUID();
        probe.publish(created(healthy, 0, "healthy"));

        awaitApplied(healthy, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> parkedDeliveries(poisonEvent) != null);
        assertThat(parkedDeliveries(poisonEvent)).isEqualTo(3L);
        assertThat(appliedVersions(poison)).isEmpty();
    }

    @Test
    void anUnreadablePayloadIsParkedAtOnce() {
        UUID eventId = UUID.randomUUID();
        probe.publishRaw("ticket.created", "{not json".getBytes(), eventId);

        await().atMost(Duration.ofSeconds(10)).until(() -> parkedDeliveries(eventId) != null);
        assertThat(parkedDeliveries(eventId)).isEqualTo(1L);
    }

    private Long parkedDeliveries(UUID eventId) {
        return jdbc.sql("SELECT deliveries FROM parked_events WHERE event_id = ?").param(eventId)
                .query(Long.class).optional().orElse(null);
    }

    private void awaitApplied(UUID ticket, int versions) {
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedVersions(ticket).size() == versions);
    }

    private List<Long> appliedVersions(UUID ticket) {
        return jdbc.sql("SELECT version FROM applied WHERE ticket_id = ?").param(ticket).query(Long.class).list();
    }

    private long outboxSize() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    static TicketCreated created(UUID id, long version, String title) {
        return new TicketCreated(id, version, title, new BigDecimal("12.50"), UUID.randomUUID());
    }
}
