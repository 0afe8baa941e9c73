package dev.ticketing.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service run as two replicas: the gateway takes them in turn, and passes over one that is down. */
class ReplicasTest extends GatewayTestBase {

    static final Upstream SECOND = new Upstream("orders-2", freePort());

    @DynamicPropertySource
    static void twoReplicasOfOrders(DynamicPropertyRegistry registry) {
        registry.add("gateway.upstreams.orders", () -> "http://127.0.0.1:" + UPSTREAMS.get("orders").port + ",http://127.0.0.1:" + SECOND.port);
    }

    @AfterEach
    void bothUp() {
        if (!SECOND.server.isRunning()) {
            SECOND.start();
        }
    }

    @Test
    void sendsRequestsToEveryReplicaInTurn() {
        String prefix = unique("/api/orders/spread-");
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(fetch(prefix + "-" + i).body());
        }

        assertThat(answeredBy).containsOnly("orders", "orders-2").contains("orders", "orders-2");
    }

    @Test
    void passesOverAReplicaThatRefusedAConnectionForEveryMethod() {
        SECOND.stop();
        String prefix = unique("/api/orders/down-");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(fetch(prefix + "-get-" + i).statusCode());
            statuses.add(send(request(prefix + "-post-" + i).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        }

        // the one request that found it down is answered 502; every other goes to the replica that is up
        assertThat(statuses.stream().filter(status -> status == 502)).hasSizeLessThanOrEqualTo(1);
        assertThat(statuses).containsOnly(200, 502);
        assertThat(upstream("orders").findAll(anyRequestedFor(urlPathMatching(prefix + ".*"))))
                .hasSize((int) statuses.stream().filter(status -> status == 200).count());
    }

    @Test
    void triesAReplicaAgainOnceItIsBack() throws Exception {
        SECOND.stop();
        String prefix = unique("/api/orders/back-");
        for (int i = 0; i < 2; i++) {
            fetch(prefix + "-down-" + i);
        }
        SECOND.start();
        Thread.sleep(Upstreams.PASS_OVER.toMillis() + 200); // how long a replica that refused is passed over

        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(fetch(prefix + "-up-" + i).body());
        }

        assertThat(answeredBy).contains("orders", "orders-2");
    }
}
