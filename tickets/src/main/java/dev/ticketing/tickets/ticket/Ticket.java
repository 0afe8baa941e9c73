package dev.ticketing.tickets.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A ticket for sale, also its JSON: {@code orderId} appears only while an order holds it.
 * {@code version} starts at 0 and grows by one with every change.
 */
public record Ticket(@Schema(example = "0f8e2a6c-3b1d-4c7e-8a95-6e4d2c1b0a97") UUID id,
                     @Schema(example = "Concert at the Arena") String title,
                     @Schema(example = "25.50") BigDecimal price,
                     @Schema(example = "5b3a1f0e-7c2d-4e8a-9f61-2d4c8b7a9e10") UUID userId,
                     @Schema(example = "0") long version,
                     @Schema(description = "only while an order holds the ticket",
                             example = "9c4d7e21-5a8b-4f3c-b6e0-1d2a3b4c5e6f")
                     @JsonInclude(JsonInclude.Include.NON_NULL) UUID orderId) {

    @JsonIgnore
    public boolean isReserved() {
        return orderId != null;
    }

    public boolean isOwnedBy(UUID user) {
        return userId.equals(user);
    }

    TicketCreated created() {
        return new TicketCreated(id, version, title, price, userId);
    }

    TicketUpdated updated() {
        return new TicketUpdated(id, version, title, price, userId, orderId);
    }
}
