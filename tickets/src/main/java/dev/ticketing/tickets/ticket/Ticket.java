package dev.ticketing.tickets.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A ticket for sale, also its JSON: {@code orderId} appears only while an order holds it.
 * {@code version} starts at 0 and grows by one with every change.
 */
public record Ticket(UUID id, String title, BigDecimal price, UUID userId, long version,
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
