package dev.ticketing.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system's HTTP API through the gateway, as a browser or a script would use it. A {@link User}
 * keeps its own session cookie; {@code Api} itself is the anonymous visitor.
 *
 * <pre>{@code
 * User seller = api.signUp();
 * Ticket ticket = seller.createTicket("Concert", "25.00");
 * User buyer = api.signUp();
 * Order order = buyer.orderWhenOrderable(ticket.id());
 * buyer.pay(order.id(), "tok_visa");
 * buyer.awaitOrderStatus(order.id(), "complete");
 * }</pre>
 */
public final class Api {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    public static final String PASSWORD = "secret-password";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final HttpClient http;
    private final User anonymous;

    public Api(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.anonymous = new User(this, null, null);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** A visitor without a session. */
    public User anonymous() {
        return anonymous;
    }

    /** Signs up a new user with a unique address and {@link #PASSWORD}. */
    public User signUp() {
        return signUp("user-" + UUID.randomUUID() + "@e2e.test", PASSWORD);
    }

    public User signUp(String email, String password) {
        User user = new User(this, email, password);
        Response response = user.post("/api/users/signup", Map.of("email", email, "password", password)).expect(201);
        user.signedIn(response.json().path("id").asString());
        return user;
    }

    public User signIn(String email, String password) {
        User user = new User(this, email, password);
        Response response = user.post("/api/users/signin", Map.of("email", email, "password", password)).expect(200);
        user.signedIn(response.json().path("id").asString());
        return user;
    }

    /**
     * A user who is signed in with a session token minted elsewhere (for example with the system's
     * {@link RunningSystem#jwtKey()}), without signing up: sent as the {@code session} cookie.
     */
    public User withSession(String id, String email, String token) {
        User user = new User(this, email, null);
        // the cookie's value is what auth sets: base64 of {"jwt": token}
        String cookie = java.util.Base64.getEncoder().encodeToString(
                ("{\"jwt\":\"" + token + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        user.useSession(cookie);
        user.signedIn(id);
        return user;
    }

    /** Tickets on sale (not reserved), newest first. */
    public List<Ticket> tickets(int limit) {
        return Arrays.asList(anonymous.get("/api/tickets?limit=" + limit).expect(200).as(Ticket[].class));
    }

    public Ticket ticket(String id) {
        return anonymous.get("/api/tickets/" + id).expect(200).as(Ticket.class);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
