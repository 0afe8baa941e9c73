-- A payment whose card's bank wants the buyer to confirm it (3-D Secure): the PaymentIntent that
-- waits for the buyer's browser. The payment stays unfinished (stripe_id empty) until Stripe's
-- webhook says it succeeded, or is released when it failed.
ALTER TABLE payments ADD COLUMN intent_id TEXT;
