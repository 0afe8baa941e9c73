package dev.ticketing.payments.gateway;

import java.util.UUID;

/**
 * One charge of an order with a card token ({@code tok_...}) or PaymentMethod id ({@code pm_...}).
 * Sending the same charge again never charges twice: the provider keys it by order and token.
 */
public record Charge(UUID orderId, long amountCents, String token) {

    /** The same order and token always make the same charge; another card makes a new one. */
    public String idempotencyKey() {
        return orderId + ":" + token;
    }
}
