package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.testing.TestInfra;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service whose database was migrated by an earlier release (the backbone's V0_1 and the
 * service's own V1 in one history, an event still in the outbox) starts on the new release: the
 * backbone's later changes and the service's next migration both apply, and the waiting event goes out.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
@DirtiesContext
class MessagingSchemaTest {

    static final String NAME = "legacy";
    static final String DATABASE = "messaging_" + NAME;
    static final UUID WAITING_TICKET = UUID.randomUUID();
    static final UUID PROCESSED_EVENT = UUID.randomUUID();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        givenADatabaseOfTheEarlierRelease();
        TestInfra.register(registry, DATABASE, TestInfra.isolatedStream(NAME), TestInfra.isolatedPrefix(NAME));
    }

    @Autowired JdbcClient jdbc;

    @Test
    void anExistingDatabaseGetsTheNewTablesWithoutOutOfOrderMigrations() {
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("0.1", "1", "2");
        assertThat(jdbc.sql("SELECT version FROM messaging_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("0", "1");
        assertThat(jdbc.sql("SELECT count(*) FROM deferred_events").query(Long.class).single()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id = ?")
                .param(WAITING_TICKET).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?").param(PROCESSED_EVENT)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void givenADatabaseOfTheEarlierRelease() throws Exception {
        String url = TestInfra.databaseUrl(DATABASE);
        try (Connection admin = DriverManager.getConnection(url.replace(TestInfra.databaseName(DATABASE), "postgres"),
                TestInfra.DB_USER, TestInfra.DB_PASSWORD)) {
            admin.createStatement().execute("CREATE DATABASE " + TestInfra.databaseName(DATABASE));
        }
        // the earlier release: the backbone's tables among the service's own migrations, up to its V1
        Flyway.configure()
                .dataSource(url, TestInfra.DB_USER, TestInfra.DB_PASSWORD)
                .locations("classpath:db/messaging-test", MessagingConfiguration.MIGRATIONS)
                .target("1")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url, TestInfra.DB_USER, TestInfra.DB_PASSWORD)) {
            var outbox = db.prepareStatement("INSERT INTO outbox (id, subject, payload) VALUES (?, 'ticket.created', ?)");
            outbox.setObject(1, UUID.randomUUID());
            outbox.setString(2, """
                    {"id":"%s","version":0,"title":"waiting","price":12.50,"userId":"%s"}"""
                    .formatted(WAITING_TICKET, UUID.randomUUID()));
            outbox.executeUpdate();
            var processed = db.prepareStatement("INSERT INTO processed_events (event_id, subject) VALUES (?, 'ticket.created')");
            processed.setObject(1, PROCESSED_EVENT);
            processed.executeUpdate();
        }
    }
}
