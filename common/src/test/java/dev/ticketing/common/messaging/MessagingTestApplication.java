package dev.ticketing.common.messaging;

import dev.ticketing.common.events.TicketCreated;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A minimal service for the backbone's tests: it keeps a replica of tickets, applying versions in order. */
@SpringBootApplication
@EnableMessaging
@PropertySource("classpath:messaging-test.properties")
class MessagingTestApplication {

    /** Applies ticket.created as version rows; a version that skips ahead is not ready yet. */
    @Bean
    EventListener<TicketCreated> ticketVersions(JdbcClient jdbc) {
        return new EventListener<>(TicketCreated.class) {
            @Override
            public void on(TicketCreated event) {
                if ("poison".equals(event.title())) {
                    throw new IllegalStateException("poison ticket");
                }
                long current = jdbc.sql("SELECT coalesce(max(version), -1) FROM applied WHERE ticket_id = ?")
                        .param(event.id()).query(Long.class).single();
                if (event.version() > current + 1) {
                    throw new NotYetException("at " + current + ", got " + event.version());
                }
                if (event.version() <= current) {
                    return;
                }
                jdbc.sql("INSERT INTO applied (ticket_id, version, title) VALUES (?, ?, ?)")
                        .params(event.id(), event.version(), event.title()).update();
            }
        };
    }

    static UUID ticket() {
        return UUID.randomUUID();
    }
}
