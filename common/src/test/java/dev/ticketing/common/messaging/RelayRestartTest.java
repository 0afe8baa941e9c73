package dev.ticketing.common.messaging;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stopped service starts again with its relay working: Spring's test framework stops a cached
 * context while other classes use another one, and starts it again when a class needs it back.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
class RelayRestartTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging");
    }

    static EventProbe probe;

    @Autowired ConfigurableApplicationContext context;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;

    @BeforeAll
    static void connect() {
        probe = EventProbe.forThisRun(JsonMapper.shared());
    }

    @AfterAll
    static void disconnect() {
        probe.close();
    }

    @Test
    void aRestartedServiceStillPublishesWhatItRecords() {
        context.stop();
        context.start();

        UUID ticket = UUID.randomUUID();
        transactions.executeWithoutResult(s -> outbox.publish(
                new TicketCreated(ticket, 0, "after a restart", new BigDecimal("5.00"), UUID.randomUUID())));

        probe.awaitOne(TicketCreated.class, e -> e.id().equals(ticket));
    }
}
