package dev.ticketing.payments.payment;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.payments.gateway.IntentState;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.order.Order;
import dev.ticketing.payments.order.Orders;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the provider says happened to a PaymentIntent (Stripe's webhooks): the source of truth for
 * payments that wait for their buyer, and for charges whose answer we never got. Each is applied
 * under the order's lock, then the payment's (the lock order of every payment path), and against
 * what is recorded, so a replay, or news the charging request already recorded, changes nothing.
 */
@Service
public class IntentEvents {

    private static final Logger log = LoggerFactory.getLogger(IntentEvents.class);

    private final Orders orders;
    private final Payments payments;
    private final Charges charges;
    private final Refunds refunds;
    private final PaymentGateway gateway;

    IntentEvents(Orders orders, Payments payments, Charges charges, Refunds refunds, PaymentGateway gateway) {
        this.orders = orders;
        this.payments = payments;
        this.charges = charges;
        this.refunds = refunds;
        this.gateway = gateway;
    }

    /**
     * The PaymentIntent took the money: the order's payment is recorded charged (once), and given
     * back at once if the order was cancelled meanwhile. Money taken by a PaymentIntent that is not
     * the order's payment (an earlier attempt) is given back.
     */
    @Transactional
    public void succeeded(UUID orderId, String paymentIntentId) {
        Optional<Order> order = orders.lock(orderId);
        if (order.isEmpty()) {
            log.warn("PaymentIntent {} succeeded for order {}, which this service does not know: ignored", paymentIntentId, orderId);
            return;
        }
        Optional<Payment> payment = payments.lockOfOrder(orderId);
        if (payment.isPresent() && paymentIntentId.equals(payment.get().stripeId())) {
            return;
        }
        if (payment.isPresent() && isItsCharge(payment.get(), paymentIntentId)) {
            Payment charged = charges.record(payment.get(), paymentIntentId);
            if (order.get().status() == OrderStatus.CANCELLED) {
                refunds.refund(charged);
            }
            return;
        }
        refunds.refundStray(orderId, paymentIntentId);
    }

    /**
     * The buyer's confirmation failed (the bank refused, or the buyer gave up): the payment that
     * waited for it is released so the buyer can pay with another card, once its PaymentIntent is
     * cancelled, so that it cannot take the money later as well.
     */
    @Transactional
    public void failed(UUID orderId, String paymentIntentId) {
        Optional<Order> order = orders.lock(orderId);
        if (order.isEmpty()) {
            return;
        }
        Optional<Payment> waiting = payments.lockOfOrder(orderId)
                .filter(p -> p.awaitingBuyer() && paymentIntentId.equals(p.intentId()));
        if (waiting.isEmpty()) {
            // not the order's payment any more (a declined card's PaymentIntent, a replay): nothing waits for it
            return;
        }
        Payment payment = waiting.get();
        IntentState state = gateway.cancel(paymentIntentId);
        if (state instanceof IntentState.Canceled) {
            payments.release(payment.id());
            log.info("Order {}: the buyer's confirmation of {} failed; the order can be paid with another card",
                    orderId, paymentIntentId);
        } else if (state instanceof IntentState.Succeeded) {
            Payment charged = charges.record(payment, paymentIntentId);
            if (order.get().status() == OrderStatus.CANCELLED) {
                refunds.refund(charged);
            }
        } else {
            throw new IllegalStateException("PaymentIntent " + paymentIntentId + " of order " + orderId
                    + " could not be cancelled, its failure will be applied again: " + state);
        }
    }

    /** The charge of {@code paymentIntentId} was refunded at the provider (by us, or from its dashboard): recorded once. */
    @Transactional
    public void refunded(String paymentIntentId, String refundId) {
        payments.findCharged(paymentIntentId).ifPresent(found -> {
            orders.lock(found.orderId());
            payments.lockOfOrder(found.orderId())
                    .filter(p -> paymentIntentId.equals(p.stripeId()) && !p.refunded())
                    .ifPresent(p -> {
                        payments.refunded(p.id(), refundId);
                        log.warn("Payment {} of order {} ({}) was refunded at the provider: {}",
                                p.id(), p.orderId(), paymentIntentId, refundId);
                    });
        });
    }

    /**
     * Whether the money {@code paymentIntentId} took is this unfinished payment's: the PaymentIntent
     * it waits for, or the answer to a charge whose outcome it never learned.
     */
    private static boolean isItsCharge(Payment payment, String paymentIntentId) {
        return !payment.charged() && (payment.intentId() == null || payment.intentId().equals(paymentIntentId));
    }
}
