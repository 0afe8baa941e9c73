package dev.ticketing.orders.order;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.events.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as the contract shows it, with the ticket it holds. */
public record Order(UUID id, OrderStatus status, UUID userId, @Timestamp Instant expiresAt, long version,
                    Ticket ticket) {

    public record Ticket(UUID id, String title, BigDecimal price, long version) {
    }
}
