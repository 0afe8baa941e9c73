package dev.ticketing.common.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Carries a trace across the event backbone as a W3C {@code traceparent}: the outbox stores the
 * trace of the transaction that recorded an event, the relay sends it as a message header, and the
 * listener runs in a span that continues it. So one order's trace covers every service its events
 * reach, and every log line of a listener carries that trace's id.
 */
class MessageTracing {

    static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace as a {@code traceparent} value, or null outside any trace. */
    String currentTraceParent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Runs {@code work} in a span that continues {@code traceParent}, or starts a trace without one. */
    <T> T inSpan(String subject, UUID eventId, String traceParent, TracedWork<T> work) {
        Span.Builder builder = traceParent == null
                ? tracer.spanBuilder()
                : propagator.extract(traceParent, (carrier, key) -> HEADER.equals(key) ? carrier : null);
        Span span = builder.name(subject + " process")
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "nats")
                .tag("messaging.destination.name", subject)
                .tag("messaging.message.id", eventId.toString())
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.run();
        } catch (NotYetException e) {
            span.event("not yet");
            throw e;
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    @FunctionalInterface
    interface TracedWork<T> {
        T run();
    }
}
