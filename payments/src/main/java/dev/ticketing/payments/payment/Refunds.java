package dev.ticketing.payments.payment;

import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.Refund;
import dev.ticketing.payments.gateway.RefundResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives the money of a cancelled order back: a buyer paid in the last moments of the hold, or
 * while cancelling, and the cancellation won. The ticket may be someone else's by then, so the
 * buyer gets a refund rather than a ticket.
 */
@Component
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final Payments payments;
    private final PaymentGateway gateway;
    private final Counter refunded;

    Refunds(Payments payments, PaymentGateway gateway, MeterRegistry meters) {
        this.payments = payments;
        this.gateway = gateway;
        this.refunded = Counter.builder("ticketing.payments.refunded")
                .description("Payments given back because their order was cancelled").register(meters);
    }

    /**
     * Refunds a charged payment, holding its lock, and records the refund. A refund that fails
     * throws, so what asked for it is handled again later and the refund retried, with the same
     * idempotency key.
     */
    void refund(Payment payment) {
        Refund refund = new Refund(payment.id(), payment.orderId(), payment.stripeId());
        RefundResult result = gateway.refund(refund);
        if (result instanceof RefundResult.Failed failed) {
            throw new IllegalStateException("Refund of payment " + payment.id() + " for cancelled order "
                    + payment.orderId() + " failed, it will be tried again: " + failed.reason());
        }
        String refundId = ((RefundResult.Refunded) result).refundId();
        payments.refunded(payment.id(), refundId);
        refunded.increment();
        log.warn("Order {} was cancelled after payment {} took {} cents ({}): refunded, {}",
                payment.orderId(), payment.id(), payment.amountCents(), payment.stripeId(), refundId);
    }
}
