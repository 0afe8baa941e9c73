package dev.ticketing.common.db;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every service owns one PostgreSQL database, created if missing. */
@AutoConfiguration
@ConditionalOnClass(name = "org.postgresql.Driver")
public class DatabaseAutoConfiguration {

    @Bean
    static DatabaseCreator databaseCreator() {
        return new DatabaseCreator();
    }
}
