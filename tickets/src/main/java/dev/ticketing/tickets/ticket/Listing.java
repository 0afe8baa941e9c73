package dev.ticketing.tickets.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** One of a seller's own tickets: the ticket's JSON plus where its sale stands. */
public record Listing(UUID id, String title, BigDecimal price, UUID userId, long version,
                      @JsonInclude(JsonInclude.Include.NON_NULL) UUID orderId, Status status) {

    public enum Status {
        /** For sale: no order holds it. */
        AVAILABLE,
        /** Held by an order that is not paid yet. */
        RESERVED,
        /** Its order is paid. */
        SOLD;

        @JsonValue
        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
