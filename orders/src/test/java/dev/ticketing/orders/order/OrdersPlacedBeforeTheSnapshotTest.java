package dev.ticketing.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.testing.TestInfra;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Orders placed before orders kept their ticket as placed: the migration fills the new columns
 * from the replica, the best record left of what those orders were placed at.
 */
class OrdersPlacedBeforeTheSnapshotTest {

    private static final String MIGRATIONS = "filesystem:src/main/resources/db/migration";

    private final String database = TestInfra.databaseName("orders_snapshot_migration");
    private final String url = TestInfra.databaseUrl("orders_snapshot_migration");
    private final JdbcClient admin = JdbcClient.create(
            new SingleConnectionDataSource(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", TestInfra.DB_USER, TestInfra.DB_PASSWORD, true));
    private SingleConnectionDataSource dataSource;

    @BeforeEach
    void emptyDatabase() {
        admin.sql("CREATE DATABASE \"" + database + "\"").update();
        dataSource = new SingleConnectionDataSource(url, TestInfra.DB_USER, TestInfra.DB_PASSWORD, true);
    }

    @AfterEach
    void dropDatabase() {
        dataSource.destroy();
        admin.sql("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)").update();
    }

    @Test
    void anExistingOrderGetsTheTitlePriceAndVersionOfItsTicketInTheReplica() {
        flyway().target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID ticket = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        jdbc.sql("INSERT INTO tickets (id, title, price, user_id, version) VALUES (?, 'Old show', 12.50, ?, 3)")
                .params(ticket, UUID.randomUUID()).update();
        jdbc.sql("""
                INSERT INTO orders (id, user_id, status, expires_at, version, ticket_id)
                VALUES (?, ?, 'created', now(), 0, ?)""").params(order, UUID.randomUUID(), ticket).update();

        flyway().load().migrate();

        Map<String, Object> snapshot = jdbc.sql("SELECT ticket_title, ticket_price, ticket_version FROM orders WHERE id = ?")
                .param(order).query().singleRow();
        assertThat(snapshot.get("ticket_title")).isEqualTo("Old show");
        assertThat((BigDecimal) snapshot.get("ticket_price")).isEqualByComparingTo("12.50");
        assertThat(snapshot.get("ticket_version")).isEqualTo(3L);
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS);
    }
}
