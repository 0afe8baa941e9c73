package dev.ticketing.common.messaging;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events transactionally: the event is a row of the service's {@code outbox} table,
 * written in the caller's transaction, so it exists exactly when the state change does. The row
 * keeps the caller's trace, so the listeners continue it. Right after commit the
 * {@link OutboxRelay} sends the rows this transaction wrote, or later if NATS is away.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final MessageTracing tracing;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, MessageTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** Records {@code event} in the current transaction and returns its id (the {@code Nats-Msg-Id}). */
    public UUID publish(Event event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction of the state change it announces");
        }
        OutboxRow row = new OutboxRow(Ids.next(), EventType.of(event).subject(), json.writeValueAsString(event),
                tracing.currentTraceParent());
        jdbc.sql("INSERT INTO outbox (id, subject, payload, trace_parent) VALUES (?, ?, ?, ?)")
                .params(row.id(), row.subject(), row.payload(), row.traceParent())
                .update();
        rowsOfThisTransaction().add(row);
        return row.id();
    }

    /** The rows this transaction wrote, handed to the relay once it commits (a suspended transaction keeps its own). */
    private List<OutboxRow> rowsOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof CommittedRows rows && rows.outbox() == this) {
                return rows.written();
            }
        }
        CommittedRows rows = new CommittedRows(this, new ArrayList<>(2));
        TransactionSynchronizationManager.registerSynchronization(rows);
        return rows.written();
    }

    private record CommittedRows(Outbox outbox, List<OutboxRow> written) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            outbox.relay.sendCommitted(written);
        }
    }
}
