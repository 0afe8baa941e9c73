package dev.ticketing.payments.payment;

import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.Refund;
import dev.ticketing.payments.gateway.RefundResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the money back when an order is cancelled after its payment was taken: a buyer paid in
 * the last moments of the hold, and the expiry cancelled the order before the payment completed
 * it. The ticket may be someone else's by then, so the buyer gets a refund rather than a ticket.
 */
@Service
public class Refunds {

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
     * Refunds the cancelled order's payment, if money was taken; inside the transaction that
     * applies the cancellation. A refund that fails throws, so the cancellation is handled again
     * later and the refund retried, with the same idempotency key.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundIfPaid(UUID orderId) {
        payments.lockRefundable(orderId).ifPresent(payment -> {
            Refund refund = new Refund(payment.id(), orderId, payment.stripeId());
            RefundResult result = gateway.refund(refund);
            if (result instanceof RefundResult.Failed failed) {
                throw new IllegalStateException("Refund of payment " + payment.id() + " for cancelled order " + orderId
                        + " failed, it will be tried again: " + failed.reason());
            }
            String refundId = ((RefundResult.Refunded) result).refundId();
            payments.refunded(payment.id(), refundId);
            refunded.increment();
            log.warn("Order {} was cancelled after payment {} took {} cents ({}): refunded, {}",
                    orderId, payment.id(), payment.amountCents(), payment.stripeId(), refundId);
        });
    }
}
