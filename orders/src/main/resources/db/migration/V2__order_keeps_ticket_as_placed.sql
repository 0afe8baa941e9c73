-- An order shows and charges the ticket as it was when the order was placed: a seller's later
-- edit (one that won the race against the reservation) changes the replica, never an order.
ALTER TABLE orders
    ADD COLUMN ticket_title   TEXT,
    ADD COLUMN ticket_price   NUMERIC(12,2),
    ADD COLUMN ticket_version BIGINT;

-- Orders placed before this column existed: the replica's current values are the best left to go on.
UPDATE orders o
SET ticket_title = t.title, ticket_price = t.price, ticket_version = t.version
FROM tickets t
WHERE t.id = o.ticket_id;

ALTER TABLE orders
    ALTER COLUMN ticket_title SET NOT NULL,
    ALTER COLUMN ticket_price SET NOT NULL,
    ALTER COLUMN ticket_version SET NOT NULL;
