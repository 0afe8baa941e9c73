package dev.ticketing.payments.payment;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.web.ApiException;
import dev.ticketing.payments.gateway.ChargeResult;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.order.Order;
import dev.ticketing.payments.order.Orders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays for an order, at most once, and never once it is cancelled. The payment row is written
 * before the card is charged (the unique key on the order lets one charge start); the request
 * that wrote it holds a row lock on it while it talks to the provider, then records the outcome.
 * Anyone else who comes for the order meanwhile waits for that outcome. A payment left unfinished
 * (the service died, or its database write failed after the charge) is not locked by anyone: the
 * next request for the order sends that same charge again, with its idempotency key, so the
 * provider answers with the charge it already made, and records it before anything new is charged.
 *
 * <p>Writing the payment and charging it each happen under a lock on the order replica's row,
 * taken before the payment's, with the order's status checked again there: a cancellation (which
 * updates that row) is applied either before, and then nothing is charged, or after, and then it
 * finds the charge recorded and refunds it. See docs/payments.md.
 */
@Service
class PaymentService {

    static final String CANCELLED = "Cannot pay for a cancelled order";
    static final String ALREADY_PAID = "Order has already been paid";
    static final String EXPIRED = "Order has expired";
    static final String IN_PROGRESS = "A payment for this order is in progress, try again shortly";
    static final String AWAITING_CONFIRMATION = "A payment for this order awaits the confirmation of its card's bank, try again shortly";
    static final String UNAVAILABLE = "The payment provider is unavailable, try again shortly";

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final Orders orders;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final Charges charges;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration waitForOtherCharge;

    PaymentService(Orders orders, Payments payments, PaymentGateway gateway, Charges charges,
                   TransactionTemplate transactions, Clock clock, PaymentProperties properties) {
        this.orders = orders;
        this.payments = payments;
        this.gateway = gateway;
        this.charges = charges;
        this.transactions = transactions;
        this.clock = clock;
        this.waitForOtherCharge = properties.waitForOtherCharge();
    }

    /**
     * Charges {@code token} for the buyer's order and answers with the payment's id, or with the
     * PaymentIntent the buyer must confirm first; or throws the reason it cannot.
     */
    PaymentAnswer pay(UUID buyer, UUID orderId, String token) {
        Instant giveUp = clock.instant().plus(waitForOtherCharge);
        while (true) {
            Order order = payableOrder(buyer, orderId);
            Optional<Payment> existing = payments.findByOrder(orderId);
            if (existing.isEmpty()) {
                Payment payment = Payment.start(orderId, order.priceInCents(), token, clock.instant());
                if (start(payment)) {
                    Optional<PaymentAnswer> answer = settle(payment, token);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                }
            } else {
                Payment payment = existing.get();
                if (payment.charged()) {
                    throw ApiException.badRequest(ALREADY_PAID);
                }
                if (payment.awaitingBuyer() && !payment.token().equals(token)) {
                    throw ApiException.conflict(AWAITING_CONFIRMATION);
                }
                // the same card again while its bank's confirmation is awaited: the provider answers
                // the same charge with the same PaymentIntent, for the buyer's browser to confirm
                if (payment.awaitingBuyer() || payment.mayHaveBeenCharged(clock.instant())) {
                    Optional<PaymentAnswer> answer = settle(payment, token);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                }
            }
            if (clock.instant().isAfter(giveUp)) {
                throw ApiException.conflict(IN_PROGRESS);
            }
            pause();
        }
    }

    private Order payableOrder(UUID buyer, UUID orderId) {
        Order order = orders.find(orderId).orElseThrow(ApiException::notFound);
        if (!order.userId().equals(buyer)) {
            throw ApiException.notAuthorized();
        }
        requireOpen(order);
        return order;
    }

    private static void requireOpen(Order order) {
        if (order.status() == OrderStatus.CANCELLED) {
            throw ApiException.badRequest(CANCELLED);
        }
        if (order.status() == OrderStatus.COMPLETE) {
            throw ApiException.badRequest(ALREADY_PAID);
        }
    }

    /**
     * Writes the payment, under the order's lock and only while the order can still be paid;
     * false if the order has a payment already.
     */
    private boolean start(Payment payment) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Order order = orders.lock(payment.orderId()).orElseThrow(ApiException::notFound);
            requireOpen(order);
            if (order.expiredAt(clock.instant())) {
                throw ApiException.badRequest(EXPIRED);
            }
            return payments.start(payment);
        }));
    }

    /**
     * Charges an unfinished payment if nobody else is charging it, and answers for the buyer who
     * came with {@code token}: the payment's id if it is theirs and succeeded, the PaymentIntent
     * to confirm if it is theirs and waits for them, or the reason it cannot be. Empty if someone
     * else is charging it, or it was declined with another buyer's card (then this buyer's card
     * may go next).
     */
    private Optional<PaymentAnswer> settle(Payment payment, String token) {
        ChargeResult result = transactions.execute(status -> {
            // the order's lock first: the cancellation waits for this charge, or this sees it
            Order order = orders.lock(payment.orderId()).orElseThrow(ApiException::notFound);
            if (order.status() == OrderStatus.CANCELLED) {
                throw ApiException.badRequest(CANCELLED);
            }
            return payments.lockUnfinished(payment.id()).map(this::charge).orElse(null);
        });
        if (result == null) {
            return Optional.empty();
        }
        boolean mine = payment.token().equals(token);
        if (result instanceof ChargeResult.Charged) {
            if (mine) {
                return Optional.of(new PaymentAnswer.Paid(payment.id()));
            }
            throw ApiException.badRequest(ALREADY_PAID);
        }
        if (result instanceof ChargeResult.RequiresAction action) {
            if (mine) {
                return Optional.of(new PaymentAnswer.RequiresAction(payment.id(), action.paymentIntentId(), action.clientSecret()));
            }
            throw ApiException.conflict(AWAITING_CONFIRMATION);
        }
        if (result instanceof ChargeResult.Declined declined) {
            if (mine) {
                throw new ApiException(HttpStatus.PAYMENT_REQUIRED, declined.message());
            }
            return Optional.empty();
        }
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }

    /** Inside the transaction that holds the order's and the payment's locks: the charge, then its outcome, recorded with its event. */
    private ChargeResult charge(Payment payment) {
        ChargeResult result = gateway.charge(payment.charge());
        if (result instanceof ChargeResult.Charged charged) {
            charges.record(payment, charged.paymentIntentId());
        } else if (result instanceof ChargeResult.RequiresAction action) {
            payments.awaitingBuyer(payment.id(), action.paymentIntentId());
            log.info("Order {}: the card's bank wants the buyer to confirm {}", payment.orderId(), action.paymentIntentId());
        } else if (result instanceof ChargeResult.Declined declined) {
            payments.release(payment.id());
            log.info("Order {}: card declined: {}", payment.orderId(), declined.message());
        } else if (result instanceof ChargeResult.Unknown unknown) {
            payments.outcomeUnknown(payment.id());
            log.warn("Order {}: charge outcome unknown, it will be sent again with idempotency key {}: {}",
                    payment.orderId(), payment.charge().idempotencyKey(), unknown.reason());
        }
        return result;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another charge of the order", e);
        }
    }
}
