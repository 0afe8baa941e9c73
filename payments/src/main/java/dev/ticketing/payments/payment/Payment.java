package dev.ticketing.payments.payment;

import dev.ticketing.payments.gateway.Charge;
import java.time.Instant;
import java.util.UUID;

/**
 * An order's payment. It exists from the moment its charge starts; {@code stripeId} is empty
 * until the charge is known to have succeeded.
 */
record Payment(UUID id, UUID orderId, long amountCents, String token, String stripeId, Instant createdAt) {

    boolean charged() {
        return stripeId != null;
    }

    Charge charge() {
        return new Charge(orderId, amountCents, token);
    }
}
