package dev.ticketing.common.events;

import java.util.UUID;

public record ExpirationComplete(UUID orderId) implements Event {
}
