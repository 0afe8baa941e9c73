package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The stream is deleted under a running service (a wiped NATS store, a new cluster): the service recreates it. */
@SpringBootTest(classes = MessagingTestApplication.class)
@DirtiesContext
class LostStreamTest {

    static final String NAME = "lost";
    static final String STREAM = TestInfra.isolatedStream(NAME);
    static final String DURABLE = "messaging-test-service-ticket-created";
    static Connection nats;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging_" + NAME, STREAM, TestInfra.isolatedPrefix(NAME));
    }

    @BeforeAll
    static void connect() throws Exception {
        nats = Nats.connect(TestInfra.NATS_URL);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        nats.close();
    }

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void aDeletedStreamIsRecreatedWithTheConsumersAndEventsRecordedMeanwhileAreDelivered() throws Exception {
        UUID before = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(before, 0, "before")));
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(before) == 1);

        JetStreamManagement jsm = nats.jetStreamManagement();
        jsm.deleteStream(STREAM);
        UUID meanwhile = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(meanwhile, 0, "meanwhile")));

        await().atMost(Duration.ofSeconds(20)).until(() -> applied(meanwhile) == 1);
        assertThat(jsm.getStreamInfo(STREAM).getConfiguration().getMaxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(jsm.getConsumerInfo(STREAM, DURABLE).getName()).isEqualTo(DURABLE);
        assertThat(outboxSize()).isZero();

        try (EventProbe probe = new EventProbe(TestInfra.NATS_URL, STREAM, TestInfra.isolatedPrefix(NAME),
                JsonMapper.shared())) {
            UUID after = UUID.randomUUID();
            probe.publish(OutboxAndConsumerTest.created(after, 0, "from another service"));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied(after) == 1);
        }
    }

    private long applied(UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id = ?").param(ticket).query(Long.class).single();
    }

    private long outboxSize() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }
}
