package dev.ticketing.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.Response;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A buyer who pays and cancels the same order at the same moment (two tabs, a double click, an
 * expiry racing a payment) ends with a paid order or a cancelled one, never with money taken for
 * a cancelled order: whatever the timing, and whichever replicas of orders and payments take the
 * two requests and the events between them.
 */
@EndToEnd
class PayAndCancelRaceTest {

    private static final int ORDERS = 20;

    private final RunningSystem system;
    private final Marketplace market;

    PayAndCancelRaceTest(RunningSystem system) {
        this.system = system;
        this.market = new Marketplace(system);
    }

    @Test
    void anOrderPaidAndCancelledAtTheSameMomentEndsCompleteWithOneChargeOrCancelledWithItsChargeRefunded() throws Exception {
        // given 20 orders, each by a buyer of its own, that the payments service knows (so a payment is not answered 404)
        List<String> tickets = market.orderableTickets(ORDERS, "Pay or cancel");
        Map<Order, User> orders = market.placeOrders(tickets);
        market.awaitPaymentsKnow(orders.keySet().stream().map(Order::id).toList());

        // when each buyer sends POST /api/payments (tok_visa) and DELETE /api/orders/:id at the same moment:
        // two threads released together by a barrier, the 20 pairs all at once
        ExecutorService pool = Executors.newFixedThreadPool(2 * ORDERS);
        List<Race> races = new ArrayList<>();
        try {
            for (Map.Entry<Order, User> entry : orders.entrySet()) {
                String order = entry.getKey().id();
                User buyer = entry.getValue();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> pay = pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return buyer.payment(order, "tok_visa");
                });
                Future<Response> cancel = pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return buyer.cancel(order);
                });
                races.add(new Race(order, pay, cancel));
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Answers> answers = new TreeMap<>();
        for (Race race : races) {
            answers.put(race.order(), new Answers(race.pay().get(60, TimeUnit.SECONDS), race.cancel().get(60, TimeUnit.SECONDS)));
        }

        // then each request got a decision, none an error: the payment taken or refused as cancelled, the cancellation
        // done or refused as too late
        assertThat(answers.values()).allSatisfy(a -> {
            assertThat(a.pay().status()).as("payment: %s", a.pay()).isIn(201, 400);
            if (a.pay().status() == 400) {
                assertThat(a.pay().errorMessages()).containsExactly("Cannot pay for a cancelled order");
            }
            assertThat(a.cancel().status()).as("cancellation: %s", a.cancel()).isIn(204, 400);
            if (a.cancel().status() == 400) {
                assertThat(a.cancel().errorMessages()).containsExactly("Cannot cancel a completed order");
            }
        });

        // and once things settle, every order is complete with one charge and no refund, or cancelled with no charge or
        // its charge refunded, as the answers said; and every ticket is held by exactly its order if that completed
        await().atMost(Marketplace.CONVERGENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
            Map<String, String> statuses = market.orderStatuses(answers.keySet());
            assertThat(statuses).hasSize(ORDERS).allSatisfy((order, status) -> {
                assertThat(status).as("order %s", order).isIn("complete", "cancelled");
                Answers a = answers.get(order);
                assertThat(status).as("order %s, whose cancellation was answered %d", order, a.cancel().status())
                        .isEqualTo(a.cancel().status() == 204 ? "cancelled" : "complete");
            });
            market.assertMoneyIsRight(statuses);
            Map<String, Marketplace.Payment> payments = market.payments(answers.keySet());
            answers.forEach((order, a) -> {
                if (a.pay().status() == 201) {
                    assertThat(payments.get(order)).as("the payment of order %s, answered 201", order).isNotNull()
                            .matches(Marketplace.Payment::charged, "charged");
                } else {
                    assertThat(payments.get(order)).as("the payment of order %s, refused", order).isNull();
                }
            });
        });
        market.assertConsistentOnceSettled(tickets);

        Map<String, String> statuses = market.orderStatuses(answers.keySet());
        Map<String, Marketplace.Payment> payments = market.payments(answers.keySet());
        long complete = statuses.values().stream().filter("complete"::equals).count();
        long refunded = payments.values().stream().filter(Marketplace.Payment::refunded).count();
        System.out.printf("[e2e] pay and cancel at once, %d orders: %d complete, %d cancelled and refunded, %d cancelled before any charge%n",
                ORDERS, complete, refunded, ORDERS - complete - refunded);
    }

    private record Race(String order, Future<Response> pay, Future<Response> cancel) {
    }

    private record Answers(Response pay, Response cancel) {
    }
}
