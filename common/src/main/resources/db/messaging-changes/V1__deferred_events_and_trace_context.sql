-- Changes to the event backbone's tables (created by db/messaging/V0_1 in the service's own
-- history), kept in messaging_schema_history so that they never run "out of order" among a
-- service's migrations.

-- The W3C traceparent of the transaction that recorded the event: sent as a message header, so
-- the listeners continue that trace.
ALTER TABLE outbox ADD COLUMN trace_parent TEXT;

-- Events a listener answered "not yet" (an earlier version has not arrived), taken out of the
-- consumer's pending window and retried from here until they apply or have waited too long.
CREATE TABLE deferred_events (
    event_id        UUID PRIMARY KEY,
    subject         TEXT NOT NULL,
    payload         TEXT NOT NULL,
    trace_parent    TEXT,
    reason          TEXT NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    failures        INT NOT NULL DEFAULT 0,
    deferred_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX deferred_events_next_attempt ON deferred_events (next_attempt_at);

-- Processed-event ids are pruned oldest first once no copy of the event can arrive any more.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
