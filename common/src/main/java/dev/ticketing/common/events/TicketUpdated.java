package dev.ticketing.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.UUID;

/** A ticket changed: title or price edited, or reserved ({@code orderId} set) or released (absent). */
public record TicketUpdated(UUID id, long version, String title, BigDecimal price, UUID userId,
                            @JsonInclude(JsonInclude.Include.NON_NULL) UUID orderId) implements Event {
}
