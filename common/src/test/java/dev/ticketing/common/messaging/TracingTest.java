package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.common.testing.TestInfra;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** One trace from a request through the outbox and the stream to the listeners of the event, in their logs too. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TracingTest {

    static final String NAME = "tracing";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "messaging_" + NAME, TestInfra.isolatedStream(NAME), TestInfra.isolatedPrefix(NAME));
    }

    @Autowired Tracer tracer;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @Test
    void anEventPublishedInsideATraceIsHandledInThatTraceAndItsLogLinesSayWhich(CapturedOutput output) {
        String traceId = randomHex(16);
        UUID ticket = UUID.randomUUID();
        TraceContext parent = tracer.traceContextBuilder().traceId(traceId).spanId(randomHex(8)).sampled(true).build();
        Span span = tracer.spanBuilder().setParent(parent).name("place order").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            transactions.executeWithoutResult(s -> outbox.publish(OutboxAndConsumerTest.created(ticket, 0, "traced")));
        } finally {
            span.end();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> appliedTrace(ticket) != null);
        assertThat(appliedTrace(ticket)).isEqualTo(traceId);
        assertThat(output.getOut().lines().filter(line -> line.contains("Applied ticket " + ticket)))
                .singleElement().asString().contains("," + traceId + ",");
    }

    @Test
    void aRequestWithATraceparentContinuesItsTraceThroughTheEventsItCauses() {
        String traceId = randomHex(16);
        UUID ticket = UUID.randomUUID();

        ResponseEntity<String> response = RestClient.create().post().uri("http://localhost:" + port + "/test/tickets/" + ticket)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .header("X-Request-Id", "request-42")
                .retrieve().toEntity(String.class);

        assertThat(response.getBody()).isEqualTo(traceId);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isEqualTo("request-42");
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedTrace(ticket) != null);
        assertThat(appliedTrace(ticket)).isEqualTo(traceId);
    }

    @Test
    void aRequestWithoutATraceparentStartsATraceOfItsOwn() {
        UUID ticket = UUID.randomUUID();

        String traceId = RestClient.create().post().uri("http://localhost:" + port + "/test/tickets/" + ticket)
                .retrieve().body(String.class);

        assertThat(traceId).hasSize(32).isNotEqualTo("0".repeat(32));
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedTrace(ticket) != null);
        assertThat(appliedTrace(ticket)).isEqualTo(traceId);
    }

    @Test
    void withoutAnOtlpEndpointNoExporterExistsSoNothingIsSentAnywhere() {
        assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
    }

    private String appliedTrace(UUID ticket) {
        return jdbc.sql("SELECT trace_id FROM applied WHERE ticket_id = ?").param(ticket)
                .query(String.class).optional().orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
