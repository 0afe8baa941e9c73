-- The tickets this service can sell, copied from the tickets service's events. The seller
-- (user_id) is kept so that nobody buys their own ticket; version follows the tickets service's.
CREATE TABLE tickets (
    id      UUID PRIMARY KEY,
    title   TEXT NOT NULL,
    price   NUMERIC(12,2) NOT NULL,
    user_id UUID NOT NULL,
    version BIGINT NOT NULL
);

CREATE TABLE orders (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL,
    status     TEXT NOT NULL
               CHECK (status IN ('created', 'cancelled', 'awaiting:payment', 'complete')),
    expires_at TIMESTAMPTZ NOT NULL,
    version    BIGINT NOT NULL,
    ticket_id  UUID NOT NULL REFERENCES tickets (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- The guarantee: a ticket is held by at most one order that is not cancelled, however many
-- buyers race for it. The application checks first for a friendly error; this makes races harmless.
CREATE UNIQUE INDEX orders_one_active_per_ticket ON orders (ticket_id)
    WHERE status IN ('created', 'awaiting:payment', 'complete');

-- A buyer's orders, oldest first.
CREATE INDEX orders_by_buyer ON orders (user_id, created_at);
