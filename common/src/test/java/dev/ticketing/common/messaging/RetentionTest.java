package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.events.EventType;
import dev.ticketing.common.testing.TestInfra;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nothing grows forever: the stream keeps messages for a limited time and size (also a stream
 * created before there were limits), and processed-event ids go once no copy of their event can come.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = "nats.max-age=3d")
@DirtiesContext
class RetentionTest {

    static final String NAME = "retention";
    static final String STREAM = TestInfra.isolatedStream(NAME);
    static final Connection nats = connect();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        // the stream as services created it before: no age or size limit
        nats.jetStreamManagement().addStream(StreamConfiguration.builder()
                .name(STREAM)
                .subjects(Arrays.stream(EventType.STREAM_SUBJECTS).map(s -> TestInfra.isolatedPrefix(NAME) + s).toList())
                .storageType(StorageType.File)
                .build());
        TestInfra.register(registry, "messaging_" + NAME, STREAM, TestInfra.isolatedPrefix(NAME));
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        nats.close();
    }

    @Autowired JdbcClient jdbc;
    @Autowired JetStreamSetup setup;
    @Autowired ProcessedEventsPruner pruner;

    @Test
    void theStreamKeepsMessagesForTheMaxAgeAndUpToTheMaxBytesDroppingTheOldestFirst() throws Exception {
        setup.ensureStream();

        StreamConfiguration config = nats.jetStreamManagement().getStreamInfo(STREAM).getConfiguration();
        assertThat(config.getMaxAge()).isEqualTo(Duration.ofDays(3));
        // the tests' cap (TestInfra), kept small because the server reserves it on disk
        assertThat(config.getMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
    }

    @Test
    void processedEventIdsArePrunedOnceNoCopyCanArriveAndParkedEventsAreKept() {
        // retention: max age 3 days + duplicate window 2 minutes + a day
        givenProcessed(ProcessedEventsPruner.BATCH * 2 + 10, "4 days 1 hour");
        UUID recent = givenProcessed(1, "3 days 23 hours");
        UUID parked = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO parked_events (event_id, subject, payload, error, deliveries, parked_at)
                VALUES (?, 'ticket.created', '{}', 'failed', 10, now() - interval '30 days')""").param(parked).update();

        assertThat(pruner.prune()).isEqualTo(ProcessedEventsPruner.BATCH * 2 + 10);

        assertThat(jdbc.sql("SELECT event_id FROM processed_events").query(UUID.class).list()).containsExactly(recent);
        assertThat(jdbc.sql("SELECT count(*) FROM parked_events WHERE event_id = ?").param(parked)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Inserts {@code count} processed ids as old as {@code age}; returns the last one. */
    private UUID givenProcessed(int count, String age) {
        return jdbc.sql("""
                        INSERT INTO processed_events (event_id, subject, processed_at)
                        SELECT gen_random_uuid(), 'ticket.created', now() - ?::interval FROM generate_series(1, ?)
                        RETURNING event_id""")
                .params(age, count)
                .query(UUID.class).list().get(count - 1);
    }

    private static Connection connect() {
        try {
            return Nats.connect(TestInfra.NATS_URL);
        } catch (Exception e) {
            throw new IllegalStateException("NATS at " + TestInfra.NATS_URL + " is needed for this test", e);
        }
    }
}
