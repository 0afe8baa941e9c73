package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** An {@link Error} in a listener ends its consumer's thread: the service says so, and runs the consumer again. */
@SpringBootTest(classes = MessagingTestApplication.class)
@DirtiesContext
class ConsumerRestartTest {

    static final String NAME = "restart";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging_" + NAME, TestInfra.isolatedStream(NAME), TestInfra.isolatedPrefix(NAME));
    }

    @Autowired HealthEndpoint health;
    @Autowired JdbcClient jdbc;

    @Test
    void aConsumerStoppedByAnErrorMakesTheServiceNotReadyUntilItRunsAgain() {
        try (EventProbe probe = new EventProbe(TestInfra.NATS_URL, TestInfra.isolatedStream(NAME),
                TestInfra.isolatedPrefix(NAME), JsonMapper.shared())) {
            UUID warmUp = UUID.randomUUID();
            probe.publish(OutboxAndConsumerTest.created(warmUp, 0, "warm up"));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied(warmUp) == 1);
            assertThat(readiness()).isEqualTo(Status.UP);

            UUID fatal = probe.publish(OutboxAndConsumerTest.created(UUID.randomUUID(), 0, "fatal"));

            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> readiness().equals(Status.DOWN));
            // the event that stopped it comes back to the restarted consumer up to the delivery bound, then is parked
            await().atMost(Duration.ofSeconds(30)).until(() -> parked(fatal));
            await().atMost(Duration.ofSeconds(10)).until(() -> readiness().equals(Status.UP));
            UUID later = UUID.randomUUID();
            probe.publish(OutboxAndConsumerTest.created(later, 0, "after the restart"));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied(later) == 1);
        }
    }

    private Status readiness() {
        return health.healthForPath("readiness").getStatus();
    }

    private long applied(UUID ticket) {
        return jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id = ?").param(ticket).query(Long.class).single();
    }

    private boolean parked(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM parked_events WHERE event_id = ?").param(eventId)
                .query(Long.class).single() == 1;
    }
}
