package dev.ticketing.tickets.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonDeserialize;

/** What a seller sends to list or edit a ticket; the title is trimmed. */
record TicketRequest(
        @Schema(example = "Concert at the Arena")
        @NotBlank(message = "Title is required")
        @AtMostCharacters(value = 200, message = "Title must be at most 200 characters")
        String title,

        @Schema(example = "25.50", description = "a number, or a numeric string such as \"25.50\"")
        @ValidPrice
        @JsonDeserialize(using = NumberOrNumericString.class)
        BigDecimal price) {

    TicketRequest {
        title = title == null ? null : title.strip();
    }
}
