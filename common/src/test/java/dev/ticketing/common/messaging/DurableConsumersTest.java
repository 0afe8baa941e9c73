package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service gets one durable consumer per subject it listens to, so it never receives what it
 * ignores. A service that still has its former all-subjects consumer moves over where that one
 * had got to: events it handled are not delivered again, events it had not are.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
@DirtiesContext
class DurableConsumersTest {

    static final String NAME = "durables";
    static final String STREAM = TestInfra.isolatedStream(NAME);
    static final String FORMER = "messaging-test-service";
    static final String DURABLE = "messaging-test-service-ticket-created";
    static final EventProbe probe = new EventProbe(TestInfra.NATS_URL, STREAM, TestInfra.isolatedPrefix(NAME),
            JsonMapper.shared());
    static final UUID HANDLED_BEFORE = UUID.randomUUID();
    static final UUID NOT_HANDLED_YET = UUID.randomUUID();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        givenTheFormerConsumerHandledTheFirstEvent();
        TestInfra.register(registry, "messaging_" + NAME, STREAM, TestInfra.isolatedPrefix(NAME));
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Autowired JdbcClient jdbc;

    @Test
    void eachSubjectHasItsDurableConsumerWhichStartsWhereTheFormerOneHadGot() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(NOT_HANDLED_YET) == 1);
        probe.publish(new ExpirationComplete(UUID.randomUUID()));
        UUID later = UUID.randomUUID();
        probe.publish(OutboxAndConsumerTest.created(later, 0, "later"));
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(later) == 1);

        assertThat(applied(HANDLED_BEFORE)).isZero();
        JetStreamManagement jsm = probe.connection().jetStreamManagement();
        assertThat(jsm.getConsumerNames(STREAM)).containsExactly(DURABLE);
        var consumer = jsm.getConsumerInfo(STREAM, DURABLE);
        assertThat(consumer.getConsumerConfiguration().getFilterSubject())
                .isEqualTo(TestInfra.isolatedPrefix(NAME) + "ticket.created");
        // the two ticket.created events after the former consumer's position; never the expiration.complete
        assertThat(consumer.getDelivered().getConsumerSequence()).isEqualTo(2);
    }

    private long applied(UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id = ?").param(ticket).query(Long.class).single();
    }

    private static void givenTheFormerConsumerHandledTheFirstEvent() throws IOException, JetStreamApiException,
            InterruptedException {
        probe.publish(OutboxAndConsumerTest.created(HANDLED_BEFORE, 0, "handled by the former consumer"));
        probe.publish(OutboxAndConsumerTest.created(NOT_HANDLED_YET, 0, "published while the service was away"));
        JetStreamManagement jsm = probe.connection().jetStreamManagement();
        jsm.addOrUpdateConsumer(STREAM, ConsumerConfiguration.builder().durable(FORMER).ackPolicy(AckPolicy.Explicit).build());
        try (FetchConsumer fetch = probe.connection().getStreamContext(STREAM).getConsumerContext(FORMER).fetchMessages(1)) {
            Message first = fetch.nextMessage();
            first.ackSync(Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
