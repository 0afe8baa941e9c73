package dev.ticketing.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Service;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.StreamContext;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each order's hold runs out once, with every replica of expiration polling the same holds: the
 * run's stream carries exactly one {@code expiration.complete} for each order left unpaid, so
 * orders cancels it once, and no replica fires a hold another one fired or fires one twice.
 */
@EndToEnd
class HoldsFireOnceTest {

    private static final int ORDERS = 16;
    /** Expiration polls its holds every 100 ms (db-scheduler): a second firing would show well within this. */
    private static final Duration SECOND_FIRING_WINDOW = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSystem system;
    private final Marketplace market;

    HoldsFireOnceTest(RunningSystem system) {
        this.system = system;
        this.market = new Marketplace(system);
    }

    @Test
    void eachHoldFiresExactlyOnceWithEveryExpirationReplicaRunning() throws Exception {
        // given every replica of expiration running, and 16 orders placed at once that nobody pays for or cancels
        assertThat(system.pids(Service.EXPIRATION)).as("expiration replicas").hasSize(system.replicas());
        List<String> tickets = market.orderableTickets(ORDERS, "Left to expire");
        List<String> orders = market.placeOrders(tickets).keySet().stream().map(Order::id).toList();

        // when their holds run out and every order is cancelled (and a little longer, for a second firing to show)
        await().atMost(system.orderExpiration().plusSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(market.orderStatuses(orders)).hasSize(ORDERS)
                        .allSatisfy((order, status) -> assertThat(status).as("order %s", order).isEqualTo("cancelled")));
        Thread.sleep(SECOND_FIRING_WINDOW.toMillis()); // a window for what must not happen, not a wait for something

        // then the stream holds exactly one expiration.complete for each order, and none for any other
        Map<String, Integer> fired = expirationsOnTheStream();
        Map<String, Integer> expected = new TreeMap<>();
        orders.forEach(order -> expected.put(order, 1));
        Map<String, Integer> ours = new TreeMap<>(fired);
        ours.keySet().retainAll(orders);
        assertThat(ours).as("expiration.complete messages per order on stream %s", system.stream()).isEqualTo(expected);

        // and the tickets are on sale again, nothing charged
        market.assertConsistentOnceSettled(tickets);
        System.out.println("[e2e] holds fired, by scheduler (replica): " + firedBy(orders));
    }

    /** Every {@code expiration.complete} on the run's stream, counted by the order id in its body. */
    private Map<String, Integer> expirationsOnTheStream() throws Exception {
        String subject = system.subjectPrefix() + "expiration.complete";
        Map<String, Integer> count = new HashMap<>();
        try (Connection nats = Nats.connect(system.natsUrl())) {
            StreamContext stream = nats.getStreamContext(system.stream());
            long sequence = 1;
            while (true) {
                MessageInfo message;
                try {
                    message = stream.getNextMessage(sequence, subject);
                } catch (JetStreamApiException e) {
                    if (e.getErrorCode() == 404) {
                        break; // no message on the subject from this sequence on
                    }
                    throw e;
                }
                String orderId = JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8)).path("orderId").asString();
                count.merge(orderId, 1, Integer::sum);
                sequence = message.getSeq() + 1;
            }
        }
        return count;
    }

    /** How many of these holds each expiration scheduler fired (expiration's fired_expirations). */
    private Map<String, Integer> firedBy(Collection<String> orders) throws SQLException {
        Map<String, Integer> by = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (java.sql.Connection db = system.connect(Service.EXPIRATION)) {
            Marketplace.query(db, "SELECT fired_by FROM fired_expirations WHERE order_id = ANY(?::uuid[])", orders,
                    rows -> names.add(String.valueOf(rows.getString(1))));
        }
        names.forEach(name -> by.merge(name, 1, Integer::sum));
        return by;
    }
}
