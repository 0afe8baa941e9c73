package dev.ticketing.payments.payment;

import dev.ticketing.common.Ids;
import dev.ticketing.payments.gateway.Charge;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An order's payment. It exists from the moment its charge starts; {@code stripeId} is empty
 * until the charge is known to have succeeded, {@code outcomeUnknownAt} says when the provider
 * left us without an answer, {@code intentId} names the PaymentIntent that waits for the buyer's
 * confirmation (3-D Secure), {@code refundId} is set once the money was given back.
 */
record Payment(UUID id, UUID orderId, long amountCents, String token, String stripeId, Instant createdAt,
               Instant outcomeUnknownAt, String intentId, String refundId) {

    /**
     * The request that writes a payment locks it a moment later to charge it; until this has
     * passed, an unlocked unfinished payment is presumed to be in that moment rather than abandoned.
     */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(5);

    /** A payment about to be charged for the first time. */
    static Payment start(UUID orderId, long amountCents, String token, Instant now) {
        return new Payment(Ids.next(), orderId, amountCents, token, null, now, null, null, null);
    }

    boolean charged() {
        return stripeId != null;
    }

    /** Not charged, and its PaymentIntent waits for the buyer's confirmation. */
    boolean awaitingBuyer() {
        return stripeId == null && intentId != null;
    }

    /** The same payment, with the money taken by {@code paymentIntentId}. */
    Payment chargedBy(String paymentIntentId) {
        return new Payment(id, orderId, amountCents, token, paymentIntentId, createdAt, outcomeUnknownAt, intentId, refundId);
    }

    boolean refunded() {
        return refundId != null;
    }

    /**
     * Whether this unfinished payment's charge may have been sent without its outcome being
     * recorded: the provider did not answer, or the request that charged it is gone (the service
     * died, or the database write after the charge failed). Otherwise its charge is about to start.
     * Only meaningful while nobody holds the payment's lock, and for a payment not awaiting its buyer.
     */
    boolean mayHaveBeenCharged(Instant now) {
        return outcomeUnknownAt != null || createdAt.plus(ABANDONED_AFTER).isBefore(now);
    }

    Charge charge() {
        return new Charge(orderId, amountCents, token);
    }
}
