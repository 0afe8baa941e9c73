package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.TicketRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A payment and the order's cancellation at the same moment: whatever the timing, the order ends
 * cancelled with no charge, or with its charge refunded. Never charged and kept.
 */
class PayAndCancelRaceTest extends PaymentsIntegrationTest {

    private static final int TRIES = 30;

    @Test
    void aCancellationThatArrivesWhileThePaymentIsBeingWrittenLeavesNoChargeKept() {
        UUID buyer = someone();
        UUID order = givenOrder(buyer, "20.00");
        String trigger = slowDownTheWriteOfThePaymentOf(order);
        try {
            CompletableFuture<Response> paying = CompletableFuture.supplyAsync(() -> pay(buyer, "tok_visa", order));
            await().atMost(Duration.ofSeconds(5)).until(this::aPaymentWriteIsUnderWay);

            probe.publish(new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID())));

            assertThat(paying.join().status()).isIn(201, 400);
            awaitOrder(order, 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> noChargeIsKept(order));
        } finally {
            dropTrigger(trigger);
        }
    }

    @Test
    void payingAndCancellingAtTheSameMomentNeverKeepsTheMoneyOfACancelledOrder() throws Exception {
        UUID buyer = someone();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            orders.add(givenOrder(buyer, "10.00"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (UUID order : orders) {
                // the cancellation takes a few milliseconds through NATS: start it a little earlier, by a random amount
                all.add(CompletableFuture.runAsync(() -> {
                    jitter(0, 5);
                    probe.publish(new OrderCancelled(order, 1, new TicketRef(UUID.randomUUID())));
                }, pool));
                all.add(CompletableFuture.runAsync(() -> {
                    jitter(0, 15);
                    pay(buyer, "tok_visa", order);
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        for (UUID order : orders) {
            awaitOrder(order, 1);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(orders)
                .as("cancelled orders whose charge was kept")
                .allMatch(this::noChargeIsKept));
    }

    /** No charge, or a refunded one: what a cancelled order may have. */
    private boolean noChargeIsKept(UUID order) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ? AND stripe_id IS NOT NULL AND refund_id IS NULL")
                .param(order).query(Long.class).single() == 0;
    }

    /** The insert of the order's payment row sleeps a moment before it commits. */
    private String slowDownTheWriteOfThePaymentOf(UUID order) {
        String name = "slow_" + order.toString().replace("-", "");
        jdbc.sql("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM pg_sleep(1.5); RETURN NEW; END $$").update();
        jdbc.sql("CREATE TRIGGER " + name + " AFTER INSERT ON payments FOR EACH ROW WHEN (NEW.order_id = '"
                + order + "') EXECUTE FUNCTION " + name + "()").update();
        return name;
    }

    private void dropTrigger(String name) {
        jdbc.sql("DROP TRIGGER " + name + " ON payments").update();
        jdbc.sql("DROP FUNCTION " + name + "()").update();
    }

    private boolean aPaymentWriteIsUnderWay() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'")
                .query(Long.class).single() > 0;
    }

    private static void jitter(int fromMillis, int toMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(fromMillis, toMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
