package dev.ticketing.common.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ticketing.common.testing.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * With an OTLP endpoint set, a request's spans reach the collector (here a stub) as OTLP over HTTP.
 * {@link TracingTest} is the same service without one, where no exporter exists.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OtlpExportTest {

    static final String NAME = "otlp";
    static final WireMockServer COLLECTOR = new WireMockServer(options().dynamicPort());

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging_" + NAME, TestInfra.isolatedStream(NAME), TestInfra.isolatedPrefix(NAME));
        COLLECTOR.start();
        COLLECTOR.stubFor(post("/v1/traces").willReturn(ok()));
        // what OTEL_EXPORTER_OTLP_ENDPOINT=<collector> becomes: Spring Boot's
        // OpenTelemetryEnvironmentVariableEnvironmentPostProcessor appends the signal's path
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> COLLECTOR.baseUrl() + "/v1/traces");
        // OTEL_BSP_SCHEDULE_DELAY: send the batch soon rather than after the default 5 s
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop();
    }

    @LocalServerPort int port;

    @Test
    void aRequestsSpansArriveAtTheCollectorAsAnOtlpPost() {
        String traceId = randomHex(16);

        RestClient.create().post().uri("http://localhost:" + port + "/test/tickets/" + UUID.randomUUID())
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .retrieve().toBodilessEntity();

        // OTLP's protobuf carries the trace id as its 16 raw bytes
        String rawTraceId = new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                COLLECTOR.findAll(postRequestedFor(urlEqualTo("/v1/traces"))))
                .anySatisfy(export -> {
                    assertThat(export.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
                    assertThat(new String(export.getBody(), StandardCharsets.ISO_8859_1)).contains(rawTraceId);
                }));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
