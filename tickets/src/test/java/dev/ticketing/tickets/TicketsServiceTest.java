package dev.ticketing.tickets;

import static org.awaitility.Awaitility.await;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.events.TicketRef;
import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.testing.EventProbe;
import dev.ticketing.common.testing.TestInfra;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * The whole tickets service on a random port, against the real PostgreSQL and NATS (this run's
 * own database, stream and subjects). Every test class extends this one, so all share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TicketsServiceTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "tickets");
        // common's test-jar brings a db/migration/V1 of its own onto the test classpath, clashing with
        // ours; the tests read this service's migrations from its source folder instead
        registry.add("spring.flyway.locations", () -> "filesystem:src/main/resources/db/migration");
    }

    protected static final JsonMapper JSON = JsonMapper.shared();
    protected static EventProbe events;

    @LocalServerPort
    int port;
    @Autowired
    SessionTokens tokens;
    @Autowired
    protected JdbcClient jdbc;

    private RestClient http;

    @BeforeAll
    static void connectProbe() {
        events = EventProbe.forThisRun(JSON);
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @BeforeEach
    void client() {
        http = RestClient.create();
    }

    // --- people

    /** A signed-in user: a session token the auth service would have issued. */
    public record User(UUID id, String token) {
    }

    protected User signedIn() {
        UUID id = UUID.randomUUID();
        return new User(id, tokens.issue(id, "user-" + id + "@test.dev"));
    }

    // --- HTTP

    /** A response: status, raw body (to see numbers exactly as written), its JSON and its headers. */
    public record Reply(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String message() {
            return json().get("errors").get(0).get("message").asString();
        }

        public String text(String field) {
            JsonNode value = json().get(field);
            return value == null ? null : value.asString();
        }

        public UUID id() {
            return UUID.fromString(text("id"));
        }

        public long version() {
            return json().get("version").asLong();
        }
    }

    protected Reply get(String path) {
        return send(HttpMethod.GET, path, null, null);
    }

    protected Reply get(String path, User user) {
        return send(HttpMethod.GET, path, user, null);
    }

    protected Reply post(String path, User user, String body) {
        return send(HttpMethod.POST, path, user, body);
    }

    protected Reply put(String path, User user, String body) {
        return send(HttpMethod.PUT, path, user, body);
    }

    protected Reply send(HttpMethod method, String path, User user, String body) {
        // sent exactly as written (no template expansion or encoding), as a client following a Link would
        RestClient.RequestBodySpec request = http.method(method).uri(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + user.token());
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Reply(res.getStatusCode().value(), read(res.getBody().readAllBytes()),
                res.getHeaders()));
    }

    private static String read(byte[] body) throws IOException {
        return new String(body, StandardCharsets.UTF_8);
    }

    protected static String body(String title, String priceJson) {
        return "{\"title\":" + JSON.writeValueAsString(title) + ",\"price\":" + priceJson + "}";
    }

    // --- tickets

    protected Reply sell(User seller, String title, String priceJson) {
        Reply reply = post("/api/tickets", seller, body(title, priceJson));
        if (reply.status() != 201) {
            throw new AssertionError("Could not list a ticket: " + reply);
        }
        return reply;
    }

    protected UUID sellOne(User seller) {
        return sell(seller, "Ticket " + UUID.randomUUID(), "20").id();
    }

    protected long version(UUID ticket) {
        return jdbc.sql("SELECT version FROM tickets WHERE id = ?").param(ticket).query(Long.class).single();
    }

    protected UUID orderIdOf(UUID ticket) {
        return jdbc.sql("SELECT order_id FROM tickets WHERE id = ?").param(ticket).query(UUID.class).optional().orElse(null);
    }

    // --- events from the orders service

    protected static OrderCreated orderCreated(UUID order, UUID ticket) {
        return new OrderCreated(order, 0, OrderStatus.CREATED, UUID.randomUUID(),
                Instant.now().plus(Duration.ofMinutes(15)), new OrderCreated.Ticket(ticket, new BigDecimal("20.00")));
    }

    protected static OrderCancelled orderCancelled(UUID order, UUID ticket) {
        return new OrderCancelled(order, 1, new TicketRef(ticket));
    }

    protected static OrderCompleted orderCompleted(UUID order, UUID ticket) {
        return new OrderCompleted(order, 1, new TicketRef(ticket));
    }

    /** Reserves the ticket as the orders service would (with a time-ordered order id), and waits until it is. */
    protected UUID reserve(UUID ticket) {
        UUID order = Ids.next();
        awaitProcessed(events.publish(orderCreated(order, ticket)));
        return order;
    }

    /** Waits until this service's consumer has handled the event (applied it, or found nothing to do). */
    protected void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = ?")
                .param(eventId).query(Long.class).single() == 1);
    }
}
