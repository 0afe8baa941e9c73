package dev.ticketing.orders.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** {@code ticketId} is taken as text so that a malformed id is a validation error, not a malformed body. */
record NewOrder(
        @Schema(example = "0f8e2a6c-3b1d-4c7e-8a95-6e4d2c1b0a97")
        @NotBlank(message = "TicketId must be provided")
        @Pattern(regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                message = "TicketId must be provided")
        String ticketId) {

    UUID ticket() {
        return UUID.fromString(ticketId);
    }
}
