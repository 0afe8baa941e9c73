package dev.ticketing.common.events;

import java.util.UUID;

public record PaymentCreated(UUID id, UUID orderId, String stripeId) implements Event {
}
