package dev.ticketing.payments;

import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.events.TicketRef;
import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payments service running for real on a random port, against this run's PostgreSQL database
 * and NATS stream, without STRIPE_KEY (simulated payments) unless a subclass says otherwise.
 * Orders are seeded the way the orders service does it: by publishing its events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"stripe.key=", "stripe.api-base=", "stripe.webhook-secret=" + PaymentsIntegrationTest.WEBHOOK_SECRET})
public abstract class PaymentsIntegrationTest {

    protected static final String WEBHOOK_SECRET = "whsec_test_only_secret";
    protected static final JsonMapper JSON = JsonMapper.shared();
    protected static final EventProbe probe = EventProbe.forThisRun(JSON);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "payments");
    }

    @LocalServerPort int port;
    @Autowired protected SessionTokens sessions;
    @Autowired protected JdbcClient jdbc;

    protected RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    /** An HTTP answer: status and parsed JSON body. */
    public record Response(int status, JsonNode body) {

        public String message() {
            return body.path("errors").path(0).path("message").asString();
        }

        public UUID id() {
            return UUID.fromString(body.path("id").asString());
        }
    }

    protected Response pay(UUID buyer, String token, UUID orderId) {
        return post(buyer, JSON.writeValueAsString(new PayRequest(token, orderId.toString())));
    }

    protected Response post(UUID buyer, String json) {
        return http.post().uri("/api/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (buyer != null) {
                        h.set(HttpHeaders.AUTHORIZATION, "Bearer " + sessions.issue(buyer, buyer + "@example.com"));
                    }
                })
                .body(json)
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Response(response.getStatusCode().value(),
                            body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
                });
    }

    record PayRequest(String token, String orderId) {
    }

    /** Stripe's webhook call: the payload as sent, with a {@code Stripe-Signature} header unless it is null. */
    protected Response webhook(String payload, String signature) {
        return http.post().uri("/api/payments/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (signature != null) {
                        h.set("Stripe-Signature", signature);
                    }
                })
                .body(payload)
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Response(response.getStatusCode().value(),
                            body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
                });
    }

    /** The webhook call Stripe makes for {@code payload}, signed now with the service's secret. */
    protected Response signedWebhook(String payload) {
        try {
            return webhook(payload, Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Stripe event of {@code type} about a PaymentIntent of {@code order}, in {@code status}. */
    protected static String intentEvent(String type, String paymentIntentId, UUID order, String status) {
        return event(type, """
                {"id":"%s","object":"payment_intent","amount":1000,"currency":"usd","status":"%s",
                 "metadata":{"order_id":"%s"}}""".formatted(paymentIntentId, status, order));
    }

    protected static String event(String type, String object) {
        return """
                {"id":"evt_%s","object":"event","api_version":"%s","created":%d,"livemode":false,
                 "pending_webhooks":1,"type":"%s","data":{"object":%s}}""".formatted(
                UUID.randomUUID().toString().replace("-", ""), Stripe.API_VERSION, Instant.now().getEpochSecond(),
                type, object);
    }

    /** An order for {@code buyer} at {@code price}, held for another quarter of an hour. */
    protected UUID givenOrder(UUID buyer, String price) {
        return givenOrder(buyer, price, Instant.now().plus(Duration.ofMinutes(15)));
    }

    protected UUID givenOrder(UUID buyer, String price, Instant expiresAt) {
        UUID order = UUID.randomUUID();
        probe.publish(new OrderCreated(order, 0, OrderStatus.CREATED, buyer, expiresAt,
                new OrderCreated.Ticket(UUID.randomUUID(), new BigDecimal(price))));
        awaitOrder(order, 0);
        return order;
    }

    protected void givenCancelled(UUID order, long version) {
        probe.publish(new OrderCancelled(order, version, new TicketRef(UUID.randomUUID())));
        awaitOrder(order, version);
    }

    protected void givenCompleted(UUID order, long version) {
        probe.publish(new OrderCompleted(order, version, new TicketRef(UUID.randomUUID())));
        awaitOrder(order, version);
    }

    protected void awaitOrder(UUID order, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> replicaVersion(order).orElse(-1L) == version);
    }

    /** Waits until the consumer has handled the event with this id (applied, or dropped as a duplicate). */
    protected void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM processed_events WHERE event_id = ?").param(eventId).query(Long.class).single() == 1);
    }

    protected Optional<Long> replicaVersion(UUID order) {
        return jdbc.sql("SELECT version FROM orders WHERE id = ?").param(order).query(Long.class).optional();
    }

    protected Optional<String> replicaStatus(UUID order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(order).query(String.class).optional();
    }

    /** The order's payment row: id, stripe_id (null while unfinished) and amount. */
    protected Optional<PaymentRow> paymentOf(UUID order) {
        return jdbc.sql("SELECT id, stripe_id, amount_cents, token FROM payments WHERE order_id = ?")
                .param(order)
                .query((row, n) -> new PaymentRow(row.getObject("id", UUID.class), row.getString("stripe_id"),
                        row.getLong("amount_cents"), row.getString("token")))
                .optional();
    }

    protected record PaymentRow(UUID id, String stripeId, long amountCents, String token) {
    }

    /** Makes an unfinished payment look older than the moment its own request needs to lock it. */
    protected void ageUnfinishedPayment(UUID order) {
        jdbc.sql("UPDATE payments SET created_at = now() - interval '1 minute' WHERE order_id = ? AND stripe_id IS NULL")
                .param(order).update();
    }

    protected static UUID someone() {
        return UUID.randomUUID();
    }
}
