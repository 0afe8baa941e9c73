package dev.ticketing.common.messaging;

import dev.ticketing.common.events.TicketCreated;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A minimal service for the backbone's tests: it keeps a replica of tickets, applying versions in
 * order, with the trace each version was applied in. A ticket titled "poison" fails its listener,
 * one titled "fatal" throws an {@link Error}.
 */
@SpringBootApplication
@EnableMessaging
@PropertySource("classpath:messaging-test.properties")
class MessagingTestApplication {

    private static final Logger log = LoggerFactory.getLogger(MessagingTestApplication.class);

    /** Applies ticket.created as version rows; a version that skips ahead is not ready yet. */
    @Bean
    Listener<TicketCreated> ticketVersions(JdbcClient jdbc, Tracer tracer) {
        return new Listener<TicketCreated>() {
            @Override
            public void on(TicketCreated event) {
                if ("poison".equals(event.title())) {
                    throw new IllegalStateException("poison ticket");
                }
                if ("fatal".equals(event.title())) {
                    throw new LinkageError("fatal ticket");
                }
                long current = jdbc.sql("SELECT coalesce(max(version), -1) FROM applied WHERE ticket_id = ?")
                        .param(event.id()).query(Long.class).single();
                if (event.version() > current + 1) {
                    throw new NotYetException("at " + current + ", got " + event.version());
                }
                if (event.version() <= current) {
                    return;
                }
                Span span = tracer.currentSpan();
                jdbc.sql("INSERT INTO applied (ticket_id, version, title, trace_id) VALUES (?, ?, ?, ?)")
                        .params(event.id(), event.version(), event.title(), span == null ? null : span.context().traceId())
                        .update();
                log.info("Applied ticket {} version {}", event.id(), event.version());
            }
        };
    }
}
