package dev.ticketing.expiration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import dev.ticketing.expiration.ExpirationIntegrationTest.Fired;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service stopped and started again on the same database. It runs apart from the shared test
 * context (its own database, stream and subjects), which would otherwise fire the hold meanwhile.
 */
class HoldsSurviveARestartTest {

    static final String DATABASE = TestInfra.databaseName("expirationrestart");
    static final String STREAM = TestInfra.STREAM + "_RESTART";
    static final String PREFIX = "test_" + TestInfra.SUFFIX + "_restart.";

    @Test
    void aHoldScheduledBeforeARestartFiresOnceAfterIt() {
        try (EventProbe probe = new EventProbe(TestInfra.NATS_URL, STREAM, PREFIX, JsonMapper.shared())) {
            UUID order = UUID.randomUUID();
            Instant expiresAt;
            try (ConfigurableApplicationContext before = start()) {
                // room for a slow shutdown: the hold must still be pending when this instance is gone
                var created = ExpirationIntegrationTest.orderCreated(order, Instant.now().plusSeconds(5));
                expiresAt = created.expiresAt();
                probe.publish(created);
                JdbcClient jdbc = before.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> ExpirationIntegrationTest.heldUntil(jdbc, order).isPresent());
            }
            assertThat(probe.all(ExpirationComplete.class)).extracting(ExpirationComplete::orderId).doesNotContain(order);

            try (ConfigurableApplicationContext after = start()) {
                probe.await(ExpirationComplete.class, e -> order.equals(e.orderId()), 1, Duration.ofSeconds(15));
                assertThat(probe.after(Duration.ofSeconds(1), ExpirationComplete.class, e -> order.equals(e.orderId())))
                        .hasSize(1);
                Fired fired = ExpirationIntegrationTest.fired(after.getBean(JdbcClient.class), order).orElseThrow()
                        .print("after a restart (includes the new instance's start-up)");
                assertThat(fired.firedAt()).isAfterOrEqualTo(expiresAt);
            }
        }
    }

    private static ConfigurableApplicationContext start() {
        return ServiceInstance.start(TestInfra.databaseUrl("expirationrestart"), STREAM, PREFIX);
    }

    @AfterAll
    static void removeStreamAndDatabase() throws Exception {
        try (Connection nats = Nats.connect(TestInfra.NATS_URL)) {
            nats.jetStreamManagement().deleteStream(STREAM);
        }
        String postgres = TestInfra.databaseUrl("expirationrestart").replace(DATABASE, "postgres");
        try (var db = DriverManager.getConnection(postgres, TestInfra.DB_USER, TestInfra.DB_PASSWORD)) {
            db.createStatement().execute("DROP DATABASE IF EXISTS \"" + DATABASE + "\" WITH (FORCE)");
        }
    }
}
