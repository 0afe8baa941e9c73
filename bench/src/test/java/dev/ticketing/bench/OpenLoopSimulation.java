package dev.ticketing.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P1b, the open loop: new buyers arrive at a constant {@code rate} per second for {@code seconds},
 * each placing one order on a connection of its own, whether or not earlier ones have been answered
 * (Gatling's open injection), so a slow answer does not hold back the next request. Beside Gatling's
 * response time, each order's latency is also taken from when it was due (the first arrival's start
 * plus {@code seq / rate}), which counts any delay in sending it, should the load generator fall behind.
 */
public class OpenLoopSimulation extends BenchSimulation {

    private final double rate = Double.parseDouble(param("rate"));
    private final AtomicLong origin = new AtomicLong();

    {
        int seconds = Integer.parseInt(param("seconds"));
        setUp(scenario("P1b open loop, " + param("rate") + " orders/s for " + seconds + " s")
                .feed(feeder)
                .exec(order("order", status().is(201)))
                .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
                .protocols(protocol);
    }

    @Override
    protected void beforeOrder(int seq, long sentNanos) {
        if (seq == 0) {
            origin.compareAndSet(0, sentNanos);
        }
    }

    @Override
    protected void afterOrder(int seq, long sentNanos, long answeredNanos) {
        long first = origin.get();
        if (first == 0) { // row 0 not sent first (the feeder raced): take this one as due when it was sent
            first = sentNanos - (long) (seq * 1e9 / rate);
        }
        recording.recordFromSchedule(first + (long) (seq * 1e9 / rate), sentNanos, answeredNanos);
    }
}
