package dev.ticketing.expiration;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.testing.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The shared test context and a second instance on the same database and stream, as two replicas. */
class TwoInstancesTest extends ExpirationIntegrationTest {

    @Test
    void eachHoldFiresOnceWhileTwoInstancesPollTheSameTable() {
        try (ConfigurableApplicationContext second = ServiceInstance.start(
                TestInfra.databaseUrl("expiration"), TestInfra.STREAM, TestInfra.SUBJECT_PREFIX)) {
            assertThat(second.getBean(Scheduler.class).getSchedulerState().isStarted()).isTrue();
            List<UUID> orders = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
            // all due at the same instant, so both instances find them due in the same polls
            Instant expiresAt = Instant.now().plusMillis(1500);
            orders.forEach(order -> probe.publish(orderCreated(order, expiresAt)));

            probe.await(ExpirationComplete.class, e -> orders.contains(e.orderId()), orders.size(), Duration.ofSeconds(15));
            List<ExpirationComplete> published =
                    probe.after(Duration.ofSeconds(1), ExpirationComplete.class, e -> orders.contains(e.orderId()));

            assertThat(published).hasSize(orders.size());
            assertThat(published).extracting(ExpirationComplete::orderId).containsExactlyInAnyOrderElementsOf(orders);
            Map<String, Long> byInstance = orders.stream()
                    .map(order -> fired(order).orElseThrow())
                    .collect(Collectors.groupingBy(Fired::firedBy, Collectors.counting()));
            System.out.println("Holds fired per instance: " + byInstance);
            orders.forEach(order -> assertThat(heldUntil(order)).isEmpty());
        }
    }
}
