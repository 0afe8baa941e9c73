package dev.ticketing.e2e.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.e2e.support.Api;
import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Service;
import dev.ticketing.e2e.support.Ticket;
import dev.ticketing.e2e.support.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/architecture.md's "One trace per order", seen in the running system's logs: an order placed
 * with a {@code traceparent} keeps that trace id in what orders logs while placing it and in what
 * tickets, expiration and payments log while handling its {@code order.created}, replicas included.
 */
@EndToEnd
class OneTracePerOrderTest {

    /** Each service reached by placing an order, and what it logs about the order when it handles it. */
    private static final Map<Service, String> LOGGED = Map.of(
            Service.ORDERS, "Order %s placed by",
            Service.TICKETS, "reserved by order %s",
            Service.EXPIRATION, "Order %s held until",
            Service.PAYMENTS, "Order %s can be paid until");

    private final RunningSystem system;
    private final Api api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OneTracePerOrderTest(RunningSystem system) {
        this.system = system;
        this.api = system.api();
    }

    @Test
    void anOrderPlacedWithATraceparentLeavesItsTraceIdInTheLogsOfOrdersTicketsExpirationAndPayments() {
        // given a ticket on sale and a buyer whose client started a trace
        Ticket ticket = api.signUp().createTicket("Traced concert " + Instant.now(), "30");
        User buyer = api.signUp();
        String traceId = randomHex(16);

        // when the buyer orders it within that trace
        String orderId = placeOrderInTrace(buyer, ticket.id(), "00-" + traceId + "-" + randomHex(8) + "-01");

        // then every service the order reaches logs about it within that trace
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(linesAbout(orderId, traceId))
                        .as(() -> "lines about order " + orderId + ", in any trace: " + linesAbout(orderId, null))
                        .allSatisfy((service, lines) -> assertThat(lines).as("%s in trace %s", service.id(), traceId)
                                .isNotEmpty()));
    }

    /** POST /api/orders with the trace header, retried while orders does not know the ticket yet; the order's id. */
    private String placeOrderInTrace(User buyer, String ticketId, String traceParent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("Cookie", "session=" + buyer.sessionCookie())
                .header("traceparent", traceParent)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"" + ticketId + "\"}"))
                .build();
        HttpResponse<String> response = User.await(() -> send(request), r -> r.statusCode() != 404,
                Duration.ofSeconds(10), "orders to know ticket " + ticketId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.shared().readTree(response.body()).path("id").asString();
    }

    /** Per service, its log lines (every replica's) that name the order and, unless null, carry the trace id. */
    private Map<Service, List<String>> linesAbout(String orderId, String traceId) {
        return LOGGED.keySet().stream().collect(Collectors.toMap(Function.identity(), service -> logLines(service)
                .filter(line -> line.contains(LOGGED.get(service).formatted(orderId)))
                .filter(line -> traceId == null || line.contains("," + traceId + ","))
                .toList()));
    }

    /** Every line of a service's log files: {@code <service>.log}, and {@code <service>-2.log} etc. with replicas. */
    private Stream<String> logLines(Service service) {
        Path logs = system.log(service).getParent();
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> ofService = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.equals(service.id() + ".log") || name.startsWith(service.id() + "-") && name.endsWith(".log");
            }).toList();
            return ofService.stream().flatMap(file -> {
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
