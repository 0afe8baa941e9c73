-- What payments needs to know of each order, kept up to date by order.* events.
CREATE TABLE orders (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL,
    price      NUMERIC(12, 2) NOT NULL,
    status     TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    version    BIGINT NOT NULL
);

-- One row per order, written before the card is charged: stripe_id stays empty while the charge's
-- outcome is unknown, and the unique key on order_id lets only one charge of an order start.
CREATE TABLE payments (
    id           UUID PRIMARY KEY,
    order_id     UUID NOT NULL UNIQUE REFERENCES orders (id),
    stripe_id    TEXT,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    token        TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    charged_at   TIMESTAMPTZ
);
