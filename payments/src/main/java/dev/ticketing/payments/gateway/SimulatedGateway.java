package dev.ticketing.payments.gateway;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charges nothing, and answers like Stripe's test tokens: the {@code tok_chargeDeclined...} and
 * {@code pm_card_chargeDeclined...} family is declined with Stripe's messages, any other
 * {@code tok_} or {@code pm_} id succeeds with a made-up PaymentIntent id, anything else is not
 * a token; every refund succeeds. Like Stripe, the same idempotency key gets the same answer
 * (kept in memory).
 */
public class SimulatedGateway implements PaymentGateway {

    static final String DECLINED = "Your card was declined.";
    private static final Map<String, String> DECLINES = Map.of(
            "chargeDeclined", DECLINED,
            "chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
            "chargeDeclinedExpiredCard", "Your card has expired.",
            "chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.",
            "chargeDeclinedProcessingError", "An error occurred while processing your card. Try again in a little bit.",
            "chargeDeclinedFraudulent", DECLINED);

    private final Map<String, ChargeResult> answered = new ConcurrentHashMap<>();
    private final Map<String, RefundResult> refunded = new ConcurrentHashMap<>();
    private final AtomicInteger charges = new AtomicInteger();

    @Override
    public ChargeResult charge(Charge charge) {
        return answered.computeIfAbsent(charge.idempotencyKey(), key -> answer(charge.token()));
    }

    @Override
    public RefundResult refund(Refund refund) {
        return refunded.computeIfAbsent(refund.idempotencyKey(), key -> new RefundResult.Refunded(
                "re_sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24)));
    }

    /** How many refunds were made (not repeats of one idempotency key). */
    public int refunds() {
        return refunded.size();
    }

    /** How many charges were made (successful ones, not repeats of one idempotency key). */
    public int charges() {
        return charges.get();
    }

    private ChargeResult answer(String token) {
        String card = token.startsWith("tok_") ? token.substring(4)
                : token.startsWith("pm_card_") ? token.substring(8)
                : token.startsWith("pm_") ? token.substring(3)
                : null;
        if (card == null || card.isEmpty()) {
            return new ChargeResult.Declined("Invalid card token: use a Stripe token (tok_...) or PaymentMethod id (pm_...).");
        }
        String declined = DECLINES.get(card);
        if (declined != null) {
            return new ChargeResult.Declined(declined);
        }
        charges.incrementAndGet();
        return new ChargeResult.Charged("pi_sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    }
}
