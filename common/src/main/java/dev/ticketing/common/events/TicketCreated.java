package dev.ticketing.common.events;

import java.math.BigDecimal;
import java.util.UUID;

public record TicketCreated(UUID id, long version, String title, BigDecimal price, UUID userId) implements Event {
}
