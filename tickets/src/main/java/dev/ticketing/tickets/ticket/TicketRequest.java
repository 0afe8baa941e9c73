package dev.ticketing.tickets.ticket;

import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonDeserialize;

/** What a seller sends to list or edit a ticket; the title is trimmed. */
record TicketRequest(
        @NotBlank(message = "Title is required")
        @AtMostCharacters(value = 200, message = "Title must be at most 200 characters")
        String title,

        @ValidPrice
        @JsonDeserialize(using = NumberOrNumericString.class)
        BigDecimal price) {

    TicketRequest {
        title = title == null ? null : title.strip();
    }
}
