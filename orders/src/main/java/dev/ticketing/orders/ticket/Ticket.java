package dev.ticketing.orders.ticket;

import java.math.BigDecimal;
import java.util.UUID;

/** This service's copy of a ticket; {@code userId} is the seller. */
public record Ticket(UUID id, String title, BigDecimal price, UUID userId, long version) {
}
