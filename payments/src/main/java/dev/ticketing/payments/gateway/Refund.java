package dev.ticketing.payments.gateway;

import java.util.UUID;

/** Giving back the whole of a payment the provider took ({@code paymentIntentId}). Sent again, it never refunds twice. */
public record Refund(UUID paymentId, UUID orderId, String paymentIntentId) {

    public String idempotencyKey() {
        return "refund:" + paymentId;
    }
}
