package dev.ticketing.payments.gateway;

/** How a refund ended: done, or not (yet): then it is sent again, with the same idempotency key. */
public sealed interface RefundResult {

    /** The money is on its way back; {@code refundId} is the provider's id of the refund. */
    record Refunded(String refundId) implements RefundResult {
    }

    /** The provider could not be reached, or refused: the reason is for the log. */
    record Failed(String reason) implements RefundResult {
    }
}
