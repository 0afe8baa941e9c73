-- Orders whose hold ran out and whose expiration.complete was recorded in the outbox, in the same
-- transaction. A hold that runs again (a crash after this commit, before db-scheduler removed its
-- task) finds its row here and publishes nothing more; a late duplicate order.created schedules nothing.
CREATE TABLE fired_expirations (
    order_id   UUID PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL,
    fired_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    fired_by   TEXT
);
