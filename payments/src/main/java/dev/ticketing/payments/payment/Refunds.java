package dev.ticketing.payments.payment;

import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.Refund;
import dev.ticketing.payments.gateway.RefundResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives money back: the payment of an order that was cancelled anyway (a buyer paid in the last
 * moments of the hold, or while cancelling, and the cancellation won; the ticket may be someone
 * else's by then), or money a PaymentIntent took that is not its order's payment. A refund that
 * fails throws, so what asked for it is handled again later and the refund retried, with the same
 * idempotency key.
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
                .description("Payments given back because their order was cancelled, or because they were not their order's payment")
                .register(meters);
    }

    /** Refunds a charged payment of a cancelled order, holding its lock, and records the refund. */
    void refund(Payment payment) {
        String refundId = send(new Refund(payment.orderId(), payment.stripeId()));
        payments.refunded(payment.id(), refundId);
        log.warn("Order {} was cancelled after payment {} took {} cents ({}): refunded, {}",
                payment.orderId(), payment.id(), payment.amountCents(), payment.stripeId(), refundId);
    }

    /** Refunds money that {@code paymentIntentId} took for the order although it is not the order's payment. */
    void refundStray(UUID orderId, String paymentIntentId) {
        String refundId = send(new Refund(orderId, paymentIntentId));
        log.warn("PaymentIntent {} took money for order {} but is not its payment: refunded, {}",
                paymentIntentId, orderId, refundId);
    }

    private String send(Refund refund) {
        RefundResult result = gateway.refund(refund);
        if (result instanceof RefundResult.Failed failed) {
            throw new IllegalStateException("Refund of " + refund.paymentIntentId() + " for order " + refund.orderId()
                    + " failed, it will be tried again: " + failed.reason());
        }
        refunded.increment();
        return ((RefundResult.Refunded) result).refundId();
    }
}
