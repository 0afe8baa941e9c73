package dev.ticketing.payments.gateway;

/** How a charge ended: paid, waiting for the buyer's confirmation, refused for a reason the buyer can read, or not known. */
public sealed interface ChargeResult {

    /** The money was taken; {@code paymentIntentId} is the provider's id of the payment. */
    record Charged(String paymentIntentId) implements ChargeResult {
    }

    /**
     * The card's bank wants the buyer to confirm (3-D Secure): nothing is taken yet. The buyer's
     * browser confirms {@code paymentIntentId} with {@code clientSecret}; the provider's webhook
     * then says how it ended.
     */
    record RequiresAction(String paymentIntentId, String clientSecret) implements ChargeResult {
    }

    /** The provider refused the charge, nothing was taken; the message is the provider's, for the buyer. */
    record Declined(String message) implements ChargeResult {
    }

    /**
     * The provider could not be reached or failed: the charge may or may not have happened, so it
     * must be sent again (with the same idempotency key) before anything else is charged.
     */
    record Unknown(String reason) implements ChargeResult {
    }
}
