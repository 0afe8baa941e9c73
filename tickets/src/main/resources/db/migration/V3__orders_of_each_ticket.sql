-- Every order this service heard of, for which ticket, and where it stands. The ticket's holder
-- (tickets.order_id) is worked out from these rows, never from the order in which events arrive:
-- an order.cancelled of an older order that comes after the order.created of the next one must not
-- free a ticket the next order holds. It replaces cancelled_orders, which knew only the cancelled.
CREATE TABLE ticket_orders (
    order_id   UUID PRIMARY KEY,
    ticket_id  UUID NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('created', 'cancelled', 'complete')),
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_orders_by_ticket ON ticket_orders (ticket_id);

INSERT INTO ticket_orders (order_id, ticket_id, status)
SELECT order_id, ticket_id, 'cancelled' FROM cancelled_orders;

INSERT INTO ticket_orders (order_id, ticket_id, status)
SELECT order_id, id, 'created' FROM tickets WHERE order_id IS NOT NULL
ON CONFLICT (order_id) DO NOTHING;

DROP TABLE cancelled_orders;

-- A seller's own listings, newest first.
CREATE INDEX tickets_by_seller ON tickets (user_id, created_at DESC, id DESC);
