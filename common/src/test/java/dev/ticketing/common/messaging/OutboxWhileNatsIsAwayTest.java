package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.ServerProcess;
import dev.ticketing.common.testing.TestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The service runs against a NATS server of this test's own, which the test stops and starts again. */
@SpringBootTest(classes = MessagingTestApplication.class)
class OutboxWhileNatsIsAwayTest {

    static final ServerProcess nats = ServerProcess.nats(Path.of("target", "nats-" + TestInfra.SUFFIX), 0).start();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging_away");
        registry.add("nats.url", nats::url);
    }

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stopNats() {
        nats.close();
    }

    @Test
    void anEventCommittedWhileNatsIsAwayIsPublishedOnceWhenItIsBack() throws Exception {
        UUID warmUp = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(warmUp, 0, "before")));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxSize() == 0);

        nats.stop();
        UUID ticket = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(ticket, 0, "while away")));
        Thread.sleep(1500); // the relay tries, and fails, at least once
        assertThat(outboxSize()).isEqualTo(1);

        nats.start();
        try (EventProbe probe = new EventProbe(nats.url(), TestInfra.STREAM, TestInfra.SUBJECT_PREFIX, JsonMapper.shared())) {
            TicketCreated published = probe.awaitOne(TicketCreated.class, e -> e.id().equals(ticket));
            assertThat(published.title()).isEqualTo("while away");
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxSize() == 0);
            assertThat(probe.after(Duration.ofSeconds(2), TicketCreated.class, e -> e.id().equals(ticket))).hasSize(1);
        }
    }

    @Test
    void theConsumerGoesOnReceivingOnceNatsIsBack() throws Exception {
        UUID before = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(before, 0, "before")));
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(before) == 1);

        nats.stop();
        Thread.sleep(1500); // the consumer's pull is lost with the server
        nats.start();

        UUID after = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(after, 0, "after")));
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(after) == 1);
    }

    private long applied(UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id = ?").param(ticket).query(Long.class).single();
    }

    private long outboxSize() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }
}
