package dev.ticketing.common.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NatsProperties.class)
@PropertySource("classpath:ticketing-messaging-defaults.properties")
class MessagingConfiguration {

    /** The outbox, processed-event and parked-event tables as first created, among the service's own migrations. */
    static final String MIGRATIONS = "classpath:db/messaging";
    private static final String SCHEMA = "messagingSchema";

    @Bean(destroyMethod = "close")
    Connection natsConnection(NatsProperties properties, @Value("${spring.application.name}") String service) {
        return NatsConnections.open(properties.url(), service + "-service");
    }

    @Bean
    FlywayConfigurationCustomizer messagingMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    /** Later changes to those tables, once the service's migrations have run (see {@link MessagingSchema}). */
    @Bean(SCHEMA)
    @DependsOnDatabaseInitialization
    MessagingSchema messagingSchema(DataSource dataSource) {
        return MessagingSchema.migrate(dataSource);
    }

    @Bean
    MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new MessageTracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    JetStreamSetup jetStreamSetup(Connection connection, NatsProperties properties) {
        return new JetStreamSetup(connection, properties);
    }

    @Bean
    @DependsOn(SCHEMA)
    OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Connection connection,
                            JetStreamSetup setup, NatsProperties properties, MeterRegistry meters) {
        return new OutboxRelay(jdbc, transactions, connection, setup, properties, meters);
    }

    @Bean
    @DependsOn(SCHEMA)
    Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, MessageTracing tracing) {
        return new Outbox(jdbc, json, relay, tracing);
    }

    @Bean
    EventMetrics eventMetrics(MeterRegistry meters) {
        return new EventMetrics(meters);
    }

    @Bean
    Listeners listeners(List<Listener<?>> listeners, JsonMapper json) {
        return new Listeners(listeners, json);
    }

    @Bean
    EventApplier eventApplier(JdbcClient jdbc, MessageTracing tracing) {
        return new EventApplier(jdbc, tracing);
    }

    @Bean
    ParkedEvents parkedEvents(JdbcClient jdbc, EventMetrics metrics) {
        return new ParkedEvents(jdbc, metrics);
    }

    @Bean
    @DependsOn(SCHEMA)
    DeferredEvents deferredEvents(JdbcClient jdbc, TransactionTemplate transactions, Listeners listeners,
                                  EventApplier applier, ParkedEvents parked, EventMetrics metrics,
                                  NatsProperties properties) {
        return new DeferredEvents(jdbc, transactions, listeners, applier, parked, metrics, properties);
    }

    @Bean
    EventConsumers eventConsumers(@Value("${spring.application.name}") String service, Listeners listeners,
                                  JetStreamSetup setup, DeferredEvents deferred, EventApplier applier,
                                  ParkedEvents parked, TransactionTemplate transactions, EventMetrics metrics,
                                  NatsProperties properties) {
        EventHandler handler = new EventHandler(listeners, applier, transactions, deferred, parked, metrics, properties);
        List<String> subjects = listeners.subjects().stream().sorted().toList();
        List<String> durables = subjects.stream().map(s -> EventConsumers.durable(service, s)).toList();
        List<DurableConsumer> consumers = subjects.stream()
                .map(subject -> new DurableConsumer(EventConsumers.durable(service, subject), subject,
                        EventConsumers.formerDurable(service), durables, setup, handler, deferred))
                .toList();
        return new EventConsumers(consumers, properties);
    }

    @Bean
    EventConsumersHealthIndicator eventConsumersHealthIndicator(EventConsumers consumers) {
        return new EventConsumersHealthIndicator(consumers);
    }

    @Bean
    @DependsOn(SCHEMA)
    ProcessedEventsPruner processedEventsPruner(JdbcClient jdbc, NatsProperties properties) {
        return new ProcessedEventsPruner(jdbc, properties);
    }
}
