package dev.ticketing.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.util.Map;
import java.util.Set;

/**
 * Charges through Stripe PaymentIntents, created and confirmed in one call, with the charge's
 * idempotency key: sent again, Stripe answers with the PaymentIntent it already made. A card
 * whose bank wants 3-D Secure leaves the PaymentIntent in {@code requires_action}, for the buyer's
 * browser to confirm with its client secret.
 */
class StripeGateway implements PaymentGateway {

    static final String CURRENCY = "usd";
    /** Cards settle in these states or already have; anything else took no money (yet). */
    private static final Set<String> PAID = Set.of("succeeded", "processing", "requires_capture");
    /** The buyer's bank wants them to confirm the payment in their browser. */
    private static final String REQUIRES_ACTION = "requires_action";
    /** A PaymentIntent that took no money and may still take it: the buyer, or a new card, can go on with it. */
    private static final Set<String> OPEN = Set.of("requires_action", "requires_confirmation", "requires_payment_method");
    private static final String ALREADY_REFUNDED = "charge_already_refunded";

    private final StripeClient client;
    private final String apiBase;

    StripeGateway(StripeProperties properties) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(properties.key())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .setMaxNetworkRetries(properties.maxNetworkRetries());
        if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
            builder.setApiBase(properties.apiBase());
        }
        this.apiBase = builder.getApiBase();
        this.client = builder.build();
    }

    String apiBase() {
        return apiBase;
    }

    @Override
    public ChargeResult charge(Charge charge) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(charge.amountCents())
                .setCurrency(CURRENCY)
                .setConfirm(true)
                // cards only: a payment that needs a redirect cannot be finished by this API
                .addPaymentMethodType("card")
                .putMetadata("order_id", charge.orderId().toString());
        if (charge.token().startsWith("pm_")) {
            params.setPaymentMethod(charge.token());
        } else {
            // a legacy card token becomes the PaymentIntent's card; the typed builder has no "card" type
            params.putExtraParam("payment_method_data", Map.of("type", "card", "card", Map.of("token", charge.token())));
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(charge.idempotencyKey()).build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params.build(), options);
            if (PAID.contains(intent.getStatus())) {
                return new ChargeResult.Charged(intent.getId());
            }
            if (REQUIRES_ACTION.equals(intent.getStatus())) {
                return new ChargeResult.RequiresAction(intent.getId(), intent.getClientSecret());
            }
            return new ChargeResult.Declined("Your card could not be charged (" + intent.getStatus().replace('_', ' ')
                    + "). Please use another card.");
        } catch (CardException e) {
            return new ChargeResult.Declined(message(e));
        } catch (AuthenticationException e) {
            // our key is wrong, not the buyer's card: the charge did not happen, but retrying is pointless until fixed
            return new ChargeResult.Unknown("Stripe refused our API key: " + message(e));
        } catch (InvalidRequestException e) {
            // Stripe refused the request as sent (no such token, amount too small, ...): nothing was charged
            return new ChargeResult.Declined(message(e));
        } catch (StripeException e) {
            return new ChargeResult.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public RefundResult refund(Refund refund) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(refund.paymentIntentId())
                .putMetadata("order_id", refund.orderId().toString())
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(refund.idempotencyKey()).build();
        try {
            com.stripe.model.Refund made = client.v1().refunds().create(params, options);
            return new RefundResult.Refunded(made.getId());
        } catch (StripeException e) {
            if (e.getStripeError() != null && ALREADY_REFUNDED.equals(e.getStripeError().getCode())) {
                // refunded already, by an earlier attempt under another key or from Stripe's dashboard
                return new RefundResult.Refunded("already refunded");
            }
            return new RefundResult.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public IntentState intent(String paymentIntentId) {
        try {
            return state(client.v1().paymentIntents().retrieve(paymentIntentId));
        } catch (StripeException e) {
            return new IntentState.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public IntentState cancel(String paymentIntentId) {
        try {
            return state(client.v1().paymentIntents().cancel(paymentIntentId));
        } catch (InvalidRequestException e) {
            // it can no longer be cancelled (it succeeded meanwhile, or was cancelled already): say how it stands
            return intent(paymentIntentId);
        } catch (StripeException e) {
            return new IntentState.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static IntentState state(PaymentIntent intent) {
        String status = intent.getStatus();
        if ("succeeded".equals(status) || "requires_capture".equals(status)) {
            return new IntentState.Succeeded(intent.getId());
        }
        if ("canceled".equals(status)) {
            return new IntentState.Canceled(intent.getId());
        }
        if (OPEN.contains(status)) {
            return new IntentState.Open(intent.getId());
        }
        return new IntentState.Unknown("PaymentIntent " + intent.getId() + " is " + status);
    }

    /** Stripe's own message, without the request id and code the exception adds. */
    private static String message(StripeException e) {
        if (e.getStripeError() != null && e.getStripeError().getMessage() != null) {
            return e.getStripeError().getMessage();
        }
        return e.getUserMessage() != null ? e.getUserMessage() : "Your card was declined.";
    }
}
