package dev.ticketing.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * P1, the closed loop: {@code clients} buyers, each placing one order after another (its next as soon
 * as its last is answered, on its own kept-alive connection) until the feeder's orders are all placed.
 * A fixed number of orders, not a duration, ends it: the feeder holds exactly the tickets prepared,
 * and a queue feeder that runs dry stops the run. Every order must be created (201).
 */
public class OrderPlacementSimulation extends BenchSimulation {

    private final AtomicInteger left = new AtomicInteger(orders);

    {
        int clients = Integer.parseInt(param("clients"));
        setUp(scenario("P1 order placement, " + clients + " clients")
                .asLongAs(session -> left.getAndDecrement() > 0)
                .on(feed(feeder).exec(order("order", status().is(201))))
                .injectOpen(atOnceUsers(clients)))
                .protocols(protocol);
    }
}
