package dev.ticketing.payments.gateway;

import java.util.UUID;

/**
 * Giving back the whole of a payment the provider took ({@code paymentIntentId}) for an order.
 * Keyed by the PaymentIntent: whoever asks, and however often, it is refunded once.
 */
public record Refund(UUID orderId, String paymentIntentId) {

    public String idempotencyKey() {
        return "refund:" + paymentIntentId;
    }
}
