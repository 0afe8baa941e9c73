package dev.ticketing.expiration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.expiration.hold.Hold;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.OrderedConsumerConfiguration;
import dev.ticketing.common.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

class OrderHoldsTest extends ExpirationIntegrationTest {

    static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Autowired Scheduler scheduler;
    @Autowired OneTimeTask<Hold> holdTask;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    @Test
    void expiresAnOrderAtItsExpiresAtAndNotBefore() {
        UUID order = UUID.randomUUID();
        Instant expiresAt = Instant.now().plusSeconds(2);
        probe.publish(orderCreated(order, expiresAt));

        assertThat(probe.after(Duration.ofSeconds(1), ExpirationComplete.class, e -> order.equals(e.orderId())))
                .as("nothing before expiresAt").isEmpty();
        Instant due = orderCreated(order, expiresAt).expiresAt();
        assertThat(heldUntil(order)).as("the hold is stored, due at expiresAt").contains(due);
        assertThat(jdbc.sql("SELECT convert_from(task_data, 'UTF8') FROM scheduled_tasks WHERE task_instance = ?")
                .param(order.toString()).query(String.class).single())
                .as("its data readable in the table").isEqualTo("{\"expiresAt\":\"" + WIRE_TIME.format(due) + "\"}");

        assertThat(awaitExpirationOf(order, Duration.ofSeconds(4)).orderId()).isEqualTo(order);
        Fired fired = fired(order).orElseThrow().print("expires in 2 s");
        assertThat(fired.firedAt()).isAfterOrEqualTo(fired.expiresAt());
        assertThat(heldUntil(order)).as("the hold is gone once it ran out").isEmpty();
    }

    @Test
    void expiresAnOrderWhoseExpiresAtHasPassedAtOnce() {
        UUID order = UUID.randomUUID();
        probe.publish(orderCreated(order, Instant.now().minusSeconds(60)));

        awaitExpirationOf(order, Duration.ofSeconds(5));
        fired(order).orElseThrow().print("expiresAt a minute ago");
    }

    @Test
    void publishesTheOrderIdAndNothingElse() throws Exception {
        UUID order = UUID.randomUUID();
        probe.publish(orderCreated(order, Instant.now()));
        awaitExpirationOf(order, Duration.ofSeconds(5));

        List<Message> messages = rawExpirations(order);
        assertThat(messages).hasSize(1);
        assertThat(new String(messages.get(0).getData(), StandardCharsets.UTF_8))
                .isEqualTo("{\"orderId\":\"" + order + "\"}");
        assertThat(UUID.fromString(messages.get(0).getHeaders().getFirst("Nats-Msg-Id"))).isNotNull();
    }

    @Test
    void aDuplicatedOrderCreatedSchedulesNothingNew() {
        UUID order = UUID.randomUUID();
        Instant expiresAt = Instant.now().plusMillis(1500);
        UUID eventId = probe.publish(orderCreated(order, expiresAt));
        probe.publish(orderCreated(order, expiresAt), eventId);
        // the same order announced again under another event id, with another deadline: still one hold, the first
        probe.publish(orderCreated(order, expiresAt.plusSeconds(3600)));

        awaitExpirationOf(order, Duration.ofSeconds(5));
        assertThat(probe.after(Duration.ofSeconds(1), ExpirationComplete.class, e -> order.equals(e.orderId()))).hasSize(1);
        assertThat(fired(order).orElseThrow().print("duplicated order.created").expiresAt())
                .isEqualTo(orderCreated(order, expiresAt).expiresAt());
        assertThat(heldUntil(order)).isEmpty();
    }

    @Test
    void anOrderCreatedArrivingAfterTheHoldRanOutDoesNotHoldItAgain() {
        UUID order = UUID.randomUUID();
        probe.publish(orderCreated(order, Instant.now()));
        awaitExpirationOf(order, Duration.ofSeconds(5));

        probe.publish(orderCreated(order, Instant.now()));

        assertThat(probe.after(Duration.ofSeconds(1), ExpirationComplete.class, e -> order.equals(e.orderId()))).hasSize(1);
        assertThat(heldUntil(order)).isEmpty();
    }

    @Test
    void aHoldThatRunsAgainAfterACrashPublishesNothingMore() {
        UUID order = UUID.randomUUID();
        Instant expiresAt = Instant.now();
        probe.publish(orderCreated(order, expiresAt));
        awaitExpirationOf(order, Duration.ofSeconds(5));
        double firedBefore = meters.counter("ticketing.expiration.fired").count();

        // as if the service died after the expiration committed but before db-scheduler removed the task
        scheduler.schedule(holdTask.instance(order.toString(), new Hold(expiresAt)), Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> heldUntil(order).isEmpty());

        assertThat(probe.after(Duration.ofSeconds(1), ExpirationComplete.class, e -> order.equals(e.orderId()))).hasSize(1);
        assertThat(meters.counter("ticketing.expiration.fired").count()).isEqualTo(firedBefore);
    }

    @Test
    void reportsScheduledFiredAndLatenessAsMetrics() {
        UUID order = UUID.randomUUID();
        probe.publish(orderCreated(order, Instant.now().plusMillis(500)));
        awaitExpirationOf(order, Duration.ofSeconds(5));

        Timer lateness = meters.get("ticketing.expiration.lateness").timer();
        System.out.printf("LATENESS metric: %d holds, mean %.0f ms, max %.0f ms%n",
                lateness.count(), lateness.mean(TimeUnit.MILLISECONDS), lateness.max(TimeUnit.MILLISECONDS));
        assertThat(lateness.count()).isPositive();

        String prometheus = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .retrieve().body(String.class);
        assertThat(prometheus)
                .contains("ticketing_expiration_scheduled_total")
                .contains("ticketing_expiration_fired_total")
                .contains("ticketing_expiration_lateness_seconds_count")
                .contains("ticketing_expiration_lateness_seconds_max")
                .contains("ticketing_expiration_pending");
    }

    /** The expiration.complete messages of this order as they are in the stream: body and headers. */
    private static List<Message> rawExpirations(UUID order) throws Exception {
        List<Message> found = new ArrayList<>();
        try (Connection nats = Nats.connect(TestInfra.NATS_URL)) {
            IterableConsumer consumer = nats.getStreamContext(TestInfra.STREAM)
                    .createOrderedConsumer(new OrderedConsumerConfiguration()
                            .filterSubject(TestInfra.SUBJECT_PREFIX + "expiration.complete"))
                    .iterate();
            try {
                Message m;
                while ((m = consumer.nextMessage(Duration.ofMillis(300))) != null) {
                    if (new String(m.getData(), StandardCharsets.UTF_8).contains(order.toString())) {
                        found.add(m);
                    }
                }
            } finally {
                consumer.stop();
            }
        }
        return found;
    }
}
