package dev.ticketing.client.ticket;

import java.math.BigDecimal;

/** What POST and PUT /api/tickets take; a price field that holds no number is sent as null, for the API to say what a price must be. */
record TicketRequest(String title, BigDecimal price) {
}
