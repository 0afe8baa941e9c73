package dev.ticketing.payments.payment;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.common.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records a charge the provider made, whoever learned of it first (the charging request, Stripe's
 * webhook, or a cancellation that asked Stripe): the payment's {@code stripe_id} and its
 * {@code payment.created} commit together, so the event exists exactly when the payment does.
 * Called under the payment's lock, for a payment not charged yet, so it happens once.
 */
@Component
class Charges {

    private static final Logger log = LoggerFactory.getLogger(Charges.class);

    private final Payments payments;
    private final Outbox outbox;

    Charges(Payments payments, Outbox outbox) {
        this.payments = payments;
        this.outbox = outbox;
    }

    Payment record(Payment payment, String paymentIntentId) {
        payments.charged(payment.id(), paymentIntentId);
        outbox.publish(new PaymentCreated(payment.id(), payment.orderId(), paymentIntentId));
        log.info("Order {} paid: {} cents, {}", payment.orderId(), payment.amountCents(), paymentIntentId);
        return payment.chargedBy(paymentIntentId);
    }
}
