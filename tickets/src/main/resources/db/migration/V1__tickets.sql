-- Tickets for sale. order_id is set while an order holds the ticket (reserved) and cleared when
-- that order is cancelled; version counts every change, for optimistic concurrency and for the
-- replicas other services keep.
CREATE TABLE tickets (
    id         UUID PRIMARY KEY,
    title      VARCHAR(200) NOT NULL CHECK (length(btrim(title)) > 0),
    price      NUMERIC(12, 2) NOT NULL CHECK (price > 0 AND price <= 1000000),
    user_id    UUID NOT NULL,
    version    BIGINT NOT NULL DEFAULT 0,
    order_id   UUID,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The public list: tickets nobody has reserved, newest first.
CREATE INDEX tickets_for_sale ON tickets (created_at DESC, id DESC) WHERE order_id IS NULL;
