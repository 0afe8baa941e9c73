package dev.ticketing.payments.payment;

import java.util.UUID;

/** What a buyer who pays is told: paid, or their bank wants them to confirm first. */
sealed interface PaymentAnswer {

    record Paid(UUID id) implements PaymentAnswer {
    }

    /** The buyer's browser confirms {@code paymentIntentId} with {@code clientSecret} (3-D Secure). */
    record RequiresAction(UUID id, String paymentIntentId, String clientSecret) implements PaymentAnswer {
    }
}
