package dev.ticketing.common.messaging;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventType;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events transactionally: the event is a row of the service's {@code outbox} table,
 * written in the caller's transaction, so it exists exactly when the state change does. The
 * {@link OutboxRelay} sends it to NATS right after commit, or later if NATS is away.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /** Records {@code event} in the current transaction and returns its id (the {@code Nats-Msg-Id}). */
    public UUID publish(Event event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the state change it announces");
        }
        UUID id = Ids.next();
        jdbc.sql("INSERT INTO outbox (id, subject, payload) VALUES (?, ?, ?)")
                .params(id, EventType.of(event).subject(), json.writeValueAsString(event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
        return id;
    }
}
