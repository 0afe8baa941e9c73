package dev.ticketing.payments.webhook;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.ticketing.common.web.ApiException;
import dev.ticketing.payments.gateway.StripeProperties;
import dev.ticketing.payments.payment.IntentEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhooks: public, and believed only when the {@code Stripe-Signature} header is
 * Stripe's signature of the exact bytes received, made with {@code STRIPE_WEBHOOK_SECRET} within
 * the last five minutes. Without a secret every webhook is refused. An event that cannot be
 * applied yet (the database, or Stripe for a refund, away) answers 500, and Stripe sends it again.
 */
@RestController
@RequestMapping("/api/payments/webhook")
class StripeWebhookController {

    static final String NOT_VERIFIED = "Stripe-Signature could not be verified";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final IntentEvents intents;
    private final StripeProperties stripe;

    StripeWebhookController(IntentEvents intents, StripeProperties stripe) {
        this.intents = intents;
        this.stripe = stripe;
        if (!stripe.webhookSecretConfigured()) {
            log.warn("STRIPE_WEBHOOK_SECRET is not set: Stripe's webhooks are refused, and payments that wait for "
                    + "the buyer's confirmation (3-D Secure) do not complete");
        }
    }

    @PostMapping
    ResponseEntity<Void> receive(@RequestBody byte[] body,
                                 @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        Event event = verified(new String(body, StandardCharsets.UTF_8), signature);
        switch (event.getType()) {
            case "payment_intent.succeeded" -> paymentIntent(event)
                    .ifPresent(intent -> orderOf(intent).ifPresent(order -> intents.succeeded(order, intent.getId())));
            case "payment_intent.payment_failed" -> paymentIntent(event)
                    .ifPresent(intent -> orderOf(intent).ifPresent(order -> intents.failed(order, intent.getId())));
            case "charge.refunded" -> charge(event)
                    .filter(charge -> Boolean.TRUE.equals(charge.getRefunded()) && charge.getPaymentIntent() != null)
                    .ifPresent(charge -> intents.refunded(charge.getPaymentIntent(), refundId(charge)));
            default -> log.debug("Stripe event {} of type {} ignored", event.getId(), event.getType());
        }
        return ResponseEntity.ok().build();
    }

    private Event verified(String payload, String signature) {
        if (!stripe.webhookSecretConfigured() || signature == null) {
            throw ApiException.badRequest(NOT_VERIFIED);
        }
        try {
            return Webhook.constructEvent(payload, signature, stripe.webhookSecret());
        } catch (SignatureVerificationException e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            throw ApiException.badRequest(NOT_VERIFIED);
        } catch (RuntimeException e) {
            // signed, but not an event Stripe's parser can read (its JSON exceptions are Gson's, not on our classpath)
            log.warn("Stripe webhook with a valid signature could not be read: {}", e.toString());
            throw ApiException.badRequest("Invalid JSON body");
        }
    }

    private static Optional<PaymentIntent> paymentIntent(Event event) {
        return object(event).filter(PaymentIntent.class::isInstance).map(PaymentIntent.class::cast);
    }

    private static Optional<Charge> charge(Event event) {
        return object(event).filter(Charge.class::isInstance).map(Charge.class::cast);
    }

    /**
     * The event's object. One made at another API version than this library's is read anyway: the
     * few fields read here (ids, status, metadata, refunded) are the same in every version.
     */
    private static Optional<StripeObject> object(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        Optional<StripeObject> object = data.getObject();
        if (object.isPresent()) {
            return object;
        }
        try {
            return Optional.ofNullable(data.deserializeUnsafe());
        } catch (EventDataObjectDeserializationException e) {
            log.warn("Stripe event {} ({}) could not be read: {}", event.getId(), event.getType(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The order a PaymentIntent pays for, from the metadata every charge of ours carries; none: not ours. */
    private static Optional<UUID> orderOf(PaymentIntent intent) {
        Map<String, String> metadata = intent.getMetadata();
        String order = metadata == null ? null : metadata.get("order_id");
        try {
            return Optional.ofNullable(order).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            log.debug("PaymentIntent {} names no order of ours: {}", intent.getId(), order);
            return Optional.empty();
        }
    }

    /** Stripe's id of the refund when the event lists it (older API versions), otherwise the refunded charge's. */
    private static String refundId(Charge charge) {
        if (charge.getRefunds() != null && charge.getRefunds().getData() != null && !charge.getRefunds().getData().isEmpty()) {
            return charge.getRefunds().getData().get(0).getId();
        }
        return charge.getId();
    }
}
