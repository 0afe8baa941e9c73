-- Orders this service has seen cancelled. An order.created that arrives after its own
-- order.cancelled (redelivered late after a failure) must not reserve the ticket for good.
CREATE TABLE cancelled_orders (
    order_id     UUID PRIMARY KEY,
    ticket_id    UUID NOT NULL,
    cancelled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
