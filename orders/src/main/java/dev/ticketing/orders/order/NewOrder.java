package dev.ticketing.orders.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** {@code ticketId} is taken as text so that a malformed id is a validation error, not a malformed body. */
record NewOrder(
        @NotBlank(message = "TicketId must be provided")
        @Pattern(regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                message = "TicketId must be provided")
        String ticketId) {

    UUID ticket() {
        return UUID.fromString(ticketId);
    }
}
