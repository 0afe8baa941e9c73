package dev.ticketing.common.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NatsProperties.class)
class MessagingConfiguration {

    /** The outbox, processed-event and parked-event tables, added to the service's own migrations. */
    static final String MIGRATIONS = "classpath:db/messaging";

    @Bean(destroyMethod = "close")
    Connection natsConnection(NatsProperties properties, @Value("${spring.application.name}") String service) {
        return NatsConnections.open(properties.url(), service + "-service");
    }

    @Bean
    JetStreamSetup jetStreamSetup(Connection connection, NatsProperties properties) {
        return new JetStreamSetup(connection, properties);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Connection connection,
                            JetStreamSetup setup, NatsProperties properties, MeterRegistry meters) {
        return new OutboxRelay(jdbc, transactions, connection, setup, properties, meters);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        return new Outbox(jdbc, json, relay);
    }

    @Bean
    EventConsumer eventConsumer(Connection connection, JetStreamSetup setup, NatsProperties properties,
                                @Value("${spring.application.name}") String service, List<EventListener<?>> listeners,
                                JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, MeterRegistry meters) {
        return new EventConsumer(connection, setup, properties, service + "-service", listeners,
                jdbc, transactions, json, meters);
    }

    @Bean
    FlywayConfigurationCustomizer messagingMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
