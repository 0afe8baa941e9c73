package dev.ticketing.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders service on a random port against the real PostgreSQL and NATS (this run's own
 * database and stream). Every integration test extends this class so all share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the placeholder of application.yml, as the environment variable would set it
        "ORDER_EXPIRATION_SECONDS=120",
        "nats.redelivery-backoff=100ms"})
public abstract class OrdersIntegrationTest {

    protected static final Duration HOLD = Duration.ofSeconds(120);
    protected static final Duration PATIENCE = Duration.ofSeconds(10);
    protected static final JsonMapper JSON = JsonMapper.shared();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "orders");
    }

    protected static EventProbe probe;

    @LocalServerPort int port;
    @Autowired SessionTokens tokens;
    @Autowired protected JdbcClient jdbc;

    private RestClient http;

    @BeforeAll
    static void connectProbe() {
        probe = EventProbe.forThisRun(JSON);
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** An HTTP answer: status and parsed body (null when empty). */
    protected record Reply(int status, JsonNode body, HttpHeaders headers) {

        /** The single error message of an error envelope. */
        public String message() {
            assertThat(body.get("errors")).as("errors of %s", body).hasSize(1);
            return body.get("errors").get(0).get("message").asString();
        }
    }

    protected Reply post(String path, String json, UUID user) {
        return send(HttpMethod.POST, path, json, user);
    }

    protected Reply get(String path, UUID user) {
        return send(HttpMethod.GET, path, null, user);
    }

    protected Reply delete(String path, UUID user) {
        return send(HttpMethod.DELETE, path, null, user);
    }

    protected Reply send(HttpMethod method, String path, String json, UUID user) {
        RestClient.RequestBodySpec request = http.method(method).uri(path);
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(user, user + "@test.dev"));
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(res.getStatusCode().value(), text.isEmpty() ? null : parse(text), res.getHeaders());
        });
    }

    private static JsonNode parse(String text) throws IOException {
        return JSON.readTree(text);
    }

    protected static String orderFor(UUID ticketId) {
        return "{\"ticketId\":\"" + ticketId + "\"}";
    }

    /** A ticket for sale, announced as the tickets service would, once the replica has it. */
    protected UUID givenTicket(UUID seller, String title, String price) {
        UUID id = UUID.randomUUID();
        probe.publish(new TicketCreated(id, 0, title, new BigDecimal(price), seller));
        awaitReplicaVersion(id, 0);
        return id;
    }

    protected UUID givenTicket() {
        return givenTicket(UUID.randomUUID(), "Concert " + UUID.randomUUID(), "20.00");
    }

    /** An order placed through the API, as {@code buyer}. */
    protected JsonNode givenOrder(UUID buyer, UUID ticket) {
        Reply reply = post("/api/orders", orderFor(ticket), buyer);
        assertThat(reply.status()).as("placing an order: %s", reply.body()).isEqualTo(201);
        return reply.body();
    }

    protected static UUID idOf(JsonNode order) {
        return UUID.fromString(order.get("id").asString());
    }

    protected void awaitReplicaVersion(UUID ticket, long version) {
        await().atMost(PATIENCE).until(() -> replicaVersion(ticket).orElse(-1L) == version);
    }

    protected Optional<Long> replicaVersion(UUID ticket) {
        return jdbc.sql("SELECT version FROM tickets WHERE id = ?").param(ticket).query(Long.class).optional();
    }

    protected String status(UUID order) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(order).query(String.class).single();
    }

    protected long version(UUID order) {
        return jdbc.sql("SELECT version FROM orders WHERE id = ?").param(order).query(Long.class).single();
    }

    /** Whether this service's consumer applied (and acknowledged) the event with this id. */
    protected boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?").param(eventId)
                .query(Long.class).single() == 1;
    }

    protected void awaitProcessed(UUID eventId) {
        await().atMost(PATIENCE).until(() -> processed(eventId));
    }
}
