package dev.ticketing.payments.gateway;

/**
 * Charges cards, refunds them, and tells or ends a PaymentIntent that waits for its buyer.
 * Implementations never throw for a provider's answer: every outcome is a {@link ChargeResult},
 * {@link RefundResult} or {@link IntentState}.
 */
public interface PaymentGateway {

    ChargeResult charge(Charge charge);

    RefundResult refund(Refund refund);

    /** How the PaymentIntent stands now. */
    IntentState intent(String paymentIntentId);

    /** Cancels a PaymentIntent that has taken no money, so that it never will; answers how it stands afterwards. */
    IntentState cancel(String paymentIntentId);
}
