package dev.ticketing.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * P2, the flash sale: the feeder's buyers (each trying one of the few tickets) through {@code users}
 * connections at once, each sending its next buyer's order as soon as its last is answered. A refusal
 * (the ticket is taken: 4xx) is an answer as intended and counts OK in Gatling's report; a 5xx or no
 * answer is KO. The wall time runs from the first order sent to the last answered.
 */
public class FlashSaleSimulation extends BenchSimulation {

    private final AtomicInteger left = new AtomicInteger(orders);

    {
        int users = Integer.parseInt(param("users"));
        setUp(scenario("P2 flash sale, " + orders + " buyers")
                .asLongAs(session -> left.getAndDecrement() > 0)
                .on(feed(feeder).exec(order("order", status().lt(500))))
                .injectOpen(atOnceUsers(users)))
                .protocols(protocol);
    }
}
