package dev.ticketing.payments.gateway;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Charges nothing, and answers like Stripe's test tokens: the {@code tok_chargeDeclined...} and
 * {@code pm_card_chargeDeclined...} family is declined with Stripe's messages,
 * {@code tok_threeDSecure2Required} (and its {@code pm_card_} twin) wants the buyer's confirmation,
 * any other {@code tok_} or {@code pm_} id succeeds with a made-up PaymentIntent id, anything else
 * is not a token; every refund succeeds. A PaymentIntent that waits for its buyer stays open until
 * cancelled here; the buyer's confirmation arrives as a signed webhook, like Stripe's. Like Stripe,
 * the same idempotency key gets the same answer. Everything is kept in memory.
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
    private static final Set<String> NEEDS_CONFIRMATION = Set.of("threeDSecure2Required", "threeDSecureRequired");

    private final Map<String, ChargeResult> answered = new ConcurrentHashMap<>();
    private final Map<String, RefundResult> refunded = new ConcurrentHashMap<>();
    private final Map<String, IntentState> intents = new ConcurrentHashMap<>();
    private final AtomicInteger charges = new AtomicInteger();

    @Override
    public ChargeResult charge(Charge charge) {
        return answered.computeIfAbsent(charge.idempotencyKey(), key -> answer(charge.token()));
    }

    @Override
    public RefundResult refund(Refund refund) {
        return refunded.computeIfAbsent(refund.idempotencyKey(), key -> new RefundResult.Refunded(made("re_sim_")));
    }

    /**
     * One it does not know was made before a restart; only one that waits for its buyer is ever
     * asked about (a paid one is recorded as paid), so that is what it is taken for.
     */
    @Override
    public IntentState intent(String paymentIntentId) {
        return intents.getOrDefault(paymentIntentId, new IntentState.Open(paymentIntentId));
    }

    @Override
    public IntentState cancel(String paymentIntentId) {
        return intents.compute(paymentIntentId, (id, state) ->
                state == null || state instanceof IntentState.Open ? new IntentState.Canceled(id) : state);
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
        String paymentIntentId = made("pi_sim_");
        if (NEEDS_CONFIRMATION.contains(card)) {
            intents.put(paymentIntentId, new IntentState.Open(paymentIntentId));
            return new ChargeResult.RequiresAction(paymentIntentId, paymentIntentId + made("_secret_"));
        }
        intents.put(paymentIntentId, new IntentState.Succeeded(paymentIntentId));
        charges.incrementAndGet();
        return new ChargeResult.Charged(paymentIntentId);
    }

    private static String made(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
