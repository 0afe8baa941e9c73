package dev.ticketing.payments.payment;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.messaging.NotYetException;
import dev.ticketing.payments.gateway.IntentState;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.order.Order;
import dev.ticketing.payments.order.Orders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles the payment of an order that was just cancelled, in the transaction that applied the
 * cancellation to the order replica (so it holds the order's row lock, and no charge of the order
 * can start or be under way). Money taken is given back; a PaymentIntent that waits for its buyer
 * is settled with the provider first; a charge about to start waits for the cancellation to be
 * applied, then sees it and charges nothing; a charge whose outcome nobody knows is shown to a person.
 */
@Service
public class Cancellations {

    private static final Logger log = LoggerFactory.getLogger(Cancellations.class);

    private final Orders orders;
    private final Payments payments;
    private final Charges charges;
    private final Refunds refunds;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final Counter unsettled;

    Cancellations(Orders orders, Payments payments, Charges charges, Refunds refunds, PaymentGateway gateway,
                  Clock clock, MeterRegistry meters) {
        this.orders = orders;
        this.payments = payments;
        this.charges = charges;
        this.refunds = refunds;
        this.gateway = gateway;
        this.clock = clock;
        this.unsettled = Counter.builder("ticketing.payments.unsettled")
                .description("Cancelled orders whose charge has an outcome the provider never told us: a person checks it")
                .register(meters);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(UUID orderId) {
        // the order's lock before the payment's, as everywhere; the cancellation's update holds it already
        Optional<Order> order = orders.lock(orderId);
        if (order.isEmpty() || order.get().status() != OrderStatus.CANCELLED) {
            return;
        }
        payments.lockOfOrder(orderId).ifPresent(payment -> {
            if (payment.refunded()) {
                return;
            }
            if (payment.charged()) {
                refunds.refund(payment);
            } else if (payment.awaitingBuyer()) {
                settleWithTheProvider(payment);
            } else if (payment.mayHaveBeenCharged(clock.instant())) {
                unsettled.increment();
                log.warn("Order {} was cancelled while the outcome of its charge is unknown (payment {}, {} cents, "
                                + "idempotency key {}): if Stripe took the money, its payment_intent.succeeded webhook "
                                + "refunds it; otherwise check Stripe for a payment with metadata order_id={} and "
                                + "refund it if it was taken",
                        orderId, payment.id(), payment.amountCents(), payment.charge().idempotencyKey(), orderId);
            } else {
                // written by a request that is about to charge it: once it runs, it charges (and this
                // refunds it when it comes back) or sees the cancellation and charges nothing
                throw new NotYetException("the payment of order " + orderId + " is about to be charged");
            }
        });
    }

    /**
     * The buyer may still confirm the PaymentIntent: ask the provider how it stands, refund it if
     * it took the money, otherwise cancel it so it never will. The outcome is recorded; an answer
     * the provider does not give fails the event, which comes back later.
     */
    private void settleWithTheProvider(Payment payment) {
        IntentState state = gateway.intent(payment.intentId());
        if (state instanceof IntentState.Open) {
            state = gateway.cancel(payment.intentId());
        }
        if (state instanceof IntentState.Succeeded) {
            refunds.refund(charges.record(payment, payment.intentId()));
        } else if (state instanceof IntentState.Canceled) {
            payments.release(payment.id());
            log.info("Order {} was cancelled while its payment awaited the buyer's confirmation: PaymentIntent {} cancelled",
                    payment.orderId(), payment.intentId());
        } else {
            throw new IllegalStateException("PaymentIntent " + payment.intentId() + " of cancelled order "
                    + payment.orderId() + " could not be settled, it will be tried again: " + state);
        }
    }
}
