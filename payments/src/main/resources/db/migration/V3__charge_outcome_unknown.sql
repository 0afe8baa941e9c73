-- When the provider could not tell us how a charge ended (unreachable, or failed), the charging
-- request records it: the charge may have been made, so the row is kept and the charge is sent
-- again with its idempotency key, and a cancellation of its order shows it to a person.
ALTER TABLE payments ADD COLUMN outcome_unknown_at TIMESTAMPTZ;
