-- A payment taken for an order that was cancelled anyway (the hold ran out while the card was
-- being charged) is refunded: the provider's refund id and when it was made.
ALTER TABLE payments ADD COLUMN refund_id TEXT;
ALTER TABLE payments ADD COLUMN refunded_at TIMESTAMPTZ;
