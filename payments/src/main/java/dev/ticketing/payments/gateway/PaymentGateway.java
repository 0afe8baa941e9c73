package dev.ticketing.payments.gateway;

/**
 * Charges cards, and refunds them. Implementations never throw for a provider's answer: every
 * outcome is a {@link ChargeResult} or {@link RefundResult}.
 */
public interface PaymentGateway {

    ChargeResult charge(Charge charge);

    RefundResult refund(Refund refund);
}
