package dev.ticketing.common.messaging;

import java.util.UUID;

/** An event recorded in the outbox: its id (the {@code Nats-Msg-Id}), contract subject, JSON body and trace. */
record OutboxRow(UUID id, String subject, String payload, String traceParent) {
}
