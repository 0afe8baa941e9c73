package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events a listener answers "not yet" (a version that skips ahead, for a ticket never seen) must not
 * hold the consumer's pending window: here it allows 20 unacknowledged events, and 30 events wait.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "nats.max-ack-pending=20",
        "nats.not-yet-limit=3s"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class NotYetEventsTest {

    static final String NAME = "notyet";
    static EventProbe probe;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging_" + NAME, TestInfra.isolatedStream(NAME), TestInfra.isolatedPrefix(NAME));
    }

    @BeforeAll
    static void connect() {
        probe = new EventProbe(TestInfra.NATS_URL, TestInfra.isolatedStream(NAME), TestInfra.isolatedPrefix(NAME),
                JsonMapper.shared());
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    @Test
    void eventsThatAreNotReadyNeverHoldBackNewerOnes() {
        for (int i = 0; i < 30; i++) {
            probe.publish(OutboxAndConsumerTest.created(UUID.randomUUID(), 5, "waits for version 4"));
        }
        UUID ticket = UUID.randomUUID();
        probe.publish(OutboxAndConsumerTest.created(ticket, 0, "ready"));

        await().atMost(Duration.ofSeconds(10)).until(() -> applied(ticket) == 1);
    }

    @Test
    void anEventThatIsNeverReadyIsParkedOnceAfterTheLimit(CapturedOutput output) {
        double parkedBefore = parkedCount();
        UUID eventId = probe.publish(OutboxAndConsumerTest.created(UUID.randomUUID(), 3, "never ready"));

        await().atMost(Duration.ofSeconds(20)).until(() -> parkedError(eventId) != null);

        assertThat(parkedError(eventId)).startsWith("not ready after PT3S");
        assertThat(jdbc.sql("SELECT count(*) FROM deferred_events WHERE event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
        assertThat(parkedCount() - parkedBefore).isGreaterThanOrEqualTo(1);
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7))
                .until(() -> parkedLines(output, eventId) == 1);
    }

    private long applied(UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id = ?").param(ticket).query(Long.class).single();
    }

    private String parkedError(UUID eventId) {
        return jdbc.sql("SELECT error FROM parked_events WHERE event_id = ?").param(eventId)
                .query(String.class).optional().orElse(null);
    }

    private double parkedCount() {
        return meters.find("ticketing.events.handled").tag("subject", "ticket.created").tag("outcome", "parked")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static long parkedLines(CapturedOutput output, UUID eventId) {
        return Pattern.compile("Event ticket.created " + eventId + " parked").matcher(output.getOut()).results().count();
    }
}
