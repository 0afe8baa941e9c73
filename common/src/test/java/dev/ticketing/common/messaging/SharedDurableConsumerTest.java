package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Two replicas of one service share its durable consumer: together they handle each event once. */
@SpringBootTest(classes = MessagingTestApplication.class)
class SharedDurableConsumerTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging");
    }

    @Autowired Environment environment;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    @Test
    void twoReplicasHandleEachEventOnceInTotal() {
        try (ConfigurableApplicationContext second = secondReplica();
             EventProbe probe = EventProbe.forThisRun(JsonMapper.shared())) {
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            double before = applied(meters) + applied(secondMeters);
            List<UUID> tickets = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                UUID ticket = UUID.randomUUID();
                tickets.add(ticket);
                probe.publish(OutboxAndConsumerTest.created(ticket, 0, "shared " + i));
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> appliedRows(tickets) == tickets.size());
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> applied(meters) + applied(secondMeters) - before == tickets.size());
            assertThat(duplicates(meters) + duplicates(secondMeters)).isZero();
        }
    }

    private ConfigurableApplicationContext secondReplica() {
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "nats.url=" + environment.getProperty("nats.url"),
                        "nats.stream=" + environment.getProperty("nats.stream"),
                        "nats.subject-prefix=" + environment.getProperty("nats.subject-prefix"),
                        "jwt.key=" + TestInfra.JWT_KEY)
                .run();
    }

    private long appliedRows(List<UUID> tickets) {
        return jdbc.sql("SELECT count(*) FROM applied WHERE ticket_id IN (:ids)").param("ids", tickets)
                .query(Long.class).single();
    }

    private static double applied(MeterRegistry registry) {
        return handled(registry, "applied");
    }

    private static double duplicates(MeterRegistry registry) {
        return handled(registry, "duplicate");
    }

    private static double handled(MeterRegistry registry, String outcome) {
        return registry.find("ticketing.events.handled").tag("subject", "ticket.created").tag("outcome", outcome)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
