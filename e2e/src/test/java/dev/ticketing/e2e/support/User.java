package dev.ticketing.e2e.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Someone using the API through the gateway, with a cookie jar: the {@code session} cookie a
 * sign-up or sign-in sets is sent on every later request, as a browser would.
 */
public final class User {

    private static final Duration POLL = Duration.ofMillis(100);
    private final Api api;
    private final String email;
    private final String password;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private volatile String id;

    User(Api api, String email, String password) {
        this.api = api;
        this.email = email;
        this.password = password;
    }

    void signedIn(String id) {
        this.id = id;
    }

    synchronized void useSession(String token) {
        cookies.put("session", token);
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    /** The session cookie's value, or null when signed out. */
    public synchronized String sessionCookie() {
        return cookies.get("session");
    }

    // ------------------------------------------------------------------ raw requests

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any request; a body that is not a String is sent as JSON. */
    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String s ? s : Api.JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        String cookieHeader = cookieHeader();
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        HttpResponse<String> response = api.send(request);
        remember(response.headers().allValues("Set-Cookie"));
        return new Response(method, path, response.statusCode(), response.headers(), response.body());
    }

    // ------------------------------------------------------------------ the marketplace

    public Response signOut() {
        return post("/api/users/signout", Map.of()).expect(200);
    }

    public Ticket createTicket(String title, String price) {
        return post("/api/tickets", Map.of("title", title, "price", price)).expect(201).as(Ticket.class);
    }

    public Ticket updateTicket(String ticketId, String title, String price) {
        return put("/api/tickets/" + ticketId, Map.of("title", title, "price", price)).expect(200).as(Ticket.class);
    }

    /** POST /api/orders, whatever the answer. */
    public Response placeOrder(String ticketId) {
        return post("/api/orders", Map.of("ticketId", ticketId));
    }

    /**
     * Orders a ticket that was just created: the orders service learns about it by event, so
     * until then it answers 404; this retries for up to {@code within}.
     */
    public Order orderWhenOrderable(String ticketId, Duration within) {
        Response response = retryWhileNotFound(() -> placeOrder(ticketId), within);
        return response.expect(201).as(Order.class);
    }

    public Order orderWhenOrderable(String ticketId) {
        return orderWhenOrderable(ticketId, Duration.ofSeconds(10));
    }

    public Order order(String orderId) {
        return get("/api/orders/" + orderId).expect(200).as(Order.class);
    }

    public List<Order> orders() {
        return Arrays.asList(get("/api/orders").expect(200).as(Order[].class));
    }

    public Response cancel(String orderId) {
        return delete("/api/orders/" + orderId);
    }

    /** POST /api/payments, whatever the answer. */
    public Response payment(String orderId, String token) {
        return post("/api/payments", Map.of("orderId", orderId, "token", token));
    }

    /**
     * Pays for an order that was just placed: the payments service learns about it by event, so
     * until then it answers 404; this retries for up to 10 seconds. Returns the payment id.
     */
    public String pay(String orderId, String token) {
        return payWhenPayable(orderId, token, Duration.ofSeconds(10)).expect(201).json().path("id").asString();
    }

    /** POST /api/payments, retried while the payments service does not know the order yet (404); whatever the answer. */
    public Response payWhenPayable(String orderId, String token, Duration within) {
        return retryWhileNotFound(() -> payment(orderId, token), within);
    }

    /** Polls the order until it has the status, for up to {@code within}. */
    public Order awaitOrderStatus(String orderId, String status, Duration within) {
        return await(() -> order(orderId), order -> order.status().equals(status), within,
                "order " + orderId + " to be " + status);
    }

    public Order awaitOrderStatus(String orderId, String status) {
        return awaitOrderStatus(orderId, status, Duration.ofSeconds(15));
    }

    // ------------------------------------------------------------------ helpers

    static Response retryWhileNotFound(java.util.function.Supplier<Response> call, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response response = call.get();
        while (response.status() == 404 && System.nanoTime() < deadline) {
            sleep(POLL);
            response = call.get();
        }
        return response;
    }

    /** Polls until the value satisfies the condition; throws with the last value seen otherwise. */
    public static <T> T await(java.util.function.Supplier<T> poll, Predicate<T> condition, Duration within,
            String what) {
        long deadline = System.nanoTime() + within.toNanos();
        T value = poll.get();
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + within.toSeconds() + " s for " + what + "; last seen: " + value);
            }
            sleep(POLL);
            value = poll.get();
        }
        return value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    /** Keeps what Set-Cookie sets; an expired cookie (Max-Age=0 or an Expires in the past) is dropped. */
    private synchronized void remember(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")) {
                    expired = true;
                } else if (attribute.startsWith("expires=")) {
                    expired |= expiredAt(parts[i].trim().substring("expires=".length()));
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static boolean expiredAt(String date) {
        try {
            return java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().isBefore(java.time.Instant.now());
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return email == null ? "anonymous" : email;
    }
}
