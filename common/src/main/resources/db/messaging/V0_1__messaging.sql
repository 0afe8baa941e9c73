-- The event backbone's tables, in every service that publishes or listens.

-- Events recorded with the state change that caused them, waiting to be sent to JetStream.
CREATE TABLE outbox (
    id         UUID PRIMARY KEY,
    position   BIGSERIAL NOT NULL,
    subject    TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outbox_position ON outbox (position);

-- Ids of events this service applied, so a redelivered or duplicated event is applied once.
CREATE TABLE processed_events (
    event_id     UUID PRIMARY KEY,
    subject      TEXT NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Events a listener kept failing on, kept for a person to look at.
CREATE TABLE parked_events (
    event_id   UUID PRIMARY KEY,
    subject    TEXT NOT NULL,
    payload    TEXT NOT NULL,
    error      TEXT,
    deliveries BIGINT NOT NULL,
    parked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
