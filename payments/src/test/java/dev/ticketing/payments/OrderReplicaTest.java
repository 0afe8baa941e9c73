package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.events.TicketRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order replica follows order.created, order.cancelled and order.completed by the version rule. */
class OrderReplicaTest extends PaymentsIntegrationTest {

    @Test
    void orderCreatedAddsTheOrderWithItsBuyerPriceStatusHoldAndVersion() {
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Instant expiresAt = Instant.now().plusSeconds(900).truncatedTo(ChronoUnit.MILLIS);

        probe.publish(new OrderCreated(order, 0, OrderStatus.CREATED, buyer, expiresAt,
                new OrderCreated.Ticket(UUID.randomUUID(), new BigDecimal("19.99"))));
        awaitOrder(order, 0);

        Map<String, Object> row = jdbc.sql("SELECT * FROM orders WHERE id = ?").param(order).query().singleRow();
        assertThat(row.get("user_id")).isEqualTo(buyer);
        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo("19.99");
        assertThat(row.get("status")).isEqualTo("created");
        assertThat(((java.sql.Timestamp) row.get("expires_at")).toInstant()).isEqualTo(expiresAt);
        assertThat(row.get("version")).isEqualTo(0L);
    }

    @Test
    void aSecondOrderCreatedForAKnownOrderChangesNothing() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "10.00");
        givenCancelled(order, 1);

        UUID again = probe.publish(new OrderCreated(order, 0, OrderStatus.CREATED, buyer,
                Instant.now().plusSeconds(900), new OrderCreated.Ticket(UUID.randomUUID(), new BigDecimal("99.00"))));
        awaitProcessed(again);

        assertThat(replicaStatus(order)).contains("cancelled");
        assertThat(replicaVersion(order)).contains(1L);
    }

    @Test
    void orderCancelledOnTheVersionBeforeItCancelsTheCopy() {
        UUID order = givenOrder(someone(), "10.00");

        givenCancelled(order, 1);

        assertThat(replicaStatus(order)).contains("cancelled");
    }

    @Test
    void orderCompletedOnTheVersionBeforeItCompletesTheCopy() {
        UUID order = givenOrder(someone(), "10.00");

        givenCompleted(order, 1);

        assertThat(replicaStatus(order)).contains("complete");
    }

    @Test
    void aCancellationOfAnOrderNotSeenYetWaitsForTheOrder() {
        UUID order = UUID.randomUUID();
        probe.publish(new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID())));
        assertThat(stillAbsentAfterAWhile(order)).isTrue();

        probe.publish(new OrderCreated(order, 0, OrderStatus.CREATED, someone(), Instant.now().plusSeconds(900),
                new OrderCreated.Ticket(UUID.randomUUID(), new BigDecimal("10.00"))));

        awaitOrder(order, 1);
        assertThat(replicaStatus(order)).contains("cancelled");
    }

    @Test
    void aVersionThatSkipsAheadWaitsForTheOneBeforeIt() {
        UUID order = givenOrder(someone(), "10.00");

        probe.publish(new OrderCompleted(order, 2, new TicketRef(UUID.randomUUID())));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> replicaVersion(order).orElseThrow() == 0L);
        probe.publish(new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID())));

        awaitOrder(order, 2);
        assertThat(replicaStatus(order)).contains("complete");
    }

    @Test
    void aVersionAlreadyAppliedIsIgnoredWithoutFailing() {
        UUID order = givenOrder(someone(), "10.00");
        givenCancelled(order, 1);

        UUID stale = probe.publish(new OrderCompleted(order, 1, new TicketRef(UUID.randomUUID())));
        awaitProcessed(stale);

        assertThat(replicaStatus(order)).contains("cancelled");
        assertThat(replicaVersion(order)).contains(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM parked_events WHERE event_id = ?").param(stale)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        UUID order = givenOrder(someone(), "10.00");
        UUID event = UUID.randomUUID();
        OrderCancelled cancelled = new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID()));

        probe.publish(cancelled, event);
        probe.publish(cancelled, event);
        awaitOrder(order, 1);

        assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?").param(event)
                .query(Long.class).single()).isEqualTo(1L);
    }

    private boolean stillAbsentAfterAWhile(UUID order) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> replicaVersion(order).isEmpty());
        return replicaVersion(order).isEmpty();
    }
}
