package dev.ticketing.payments.gateway;

/** Charges cards. Implementations never throw for a provider's answer: every outcome is a {@link ChargeResult}. */
public interface PaymentGateway {

    ChargeResult charge(Charge charge);
}
