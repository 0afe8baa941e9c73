package dev.ticketing.common.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record OrderCreated(UUID id, long version, OrderStatus status, UUID userId,
                           @Timestamp Instant expiresAt, Ticket ticket) implements Event {

    public record Ticket(UUID id, BigDecimal price) {
    }
}
