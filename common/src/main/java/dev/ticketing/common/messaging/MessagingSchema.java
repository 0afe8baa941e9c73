package dev.ticketing.common.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the backbone's tables up to date after the service's own migrations ran. The tables were
 * created by {@code db/messaging/V0_1} inside each service's migration history, where a later
 * common migration would sort before the service's own V1, V2 ... and count as "out of order" on
 * an existing database. Later changes therefore live in {@code db/messaging-changes} with a
 * history table of their own, started at version 0 on any database (fresh or years old), so they
 * run in their own order everywhere.
 */
final class MessagingSchema {

    private static final String HISTORY_TABLE = "messaging_schema_history";
    private static final String CHANGES = "classpath:db/messaging-changes";

    private MessagingSchema() {
    }

    /** Applies the pending changes; the returned bean stands for "the backbone's tables are current". */
    static MessagingSchema migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(CHANGES)
                // the service's migrations have run, so the schema is never empty: start this history at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("backbone tables of db/messaging/V0_1")
                .load()
                .migrate();
        return new MessagingSchema();
    }
}
