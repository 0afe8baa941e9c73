package dev.ticketing.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway in front of five WireMock servers standing in for the services. Every stand-in
 * answers any request with its own name, so a test sees which one a request reached; a test
 * stubs what it needs on a unique path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.read-timeout=3s", "management.server.port=0"})
abstract class GatewayTestBase {

    static final Map<String, Upstream> UPSTREAMS = new LinkedHashMap<>();

    static {
        for (String name : List.of("auth", "tickets", "orders", "payments", "client")) {
            UPSTREAMS.put(name, new Upstream(name, freePort()));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> UPSTREAMS.values().forEach(Upstream::stop)));
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.forEach((name, upstream) ->
                registry.add(name.toUpperCase() + "_URL", () -> "http://127.0.0.1:" + upstream.port));
    }

    @LocalServerPort
    int port;

    /*
     * Built on first use, after the gateway started: the JDK client reads the list of headers it
     * may send (the gateway allows itself "Host") once, when the first client in the JVM is built.
     */
    private static HttpClient http;

    private static synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }
        return http;
    }

    static WireMockServer upstream(String name) {
        return UPSTREAMS.get(name).server;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> fetch(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** The one request the named stand-in received on this path. */
    static LoggedRequest received(String upstream, String path) {
        List<LoggedRequest> requests = upstream(upstream).findAll(
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)));
        if (requests.size() != 1) {
            throw new AssertionError(upstream + " received " + requests.size() + " requests on " + path);
        }
        return requests.get(0);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stand-in service on a fixed port, so it can be stopped and started again at the same address. */
    static final class Upstream {

        final String name;
        final int port;
        WireMockServer server;

        Upstream(String name, int port) {
            this.name = name;
            this.port = port;
            start();
        }

        void start() {
            server = new WireMockServer(options().port(port).bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/plain").withBody(name)));
        }

        void stop() {
            server.stop();
        }
    }
}
