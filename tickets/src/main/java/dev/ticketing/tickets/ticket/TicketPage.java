package dev.ticketing.tickets.ticket;

import java.util.List;

/** One page of the public list, and where the next page starts: null when this is the last one. */
record TicketPage(List<Ticket> tickets, Cursor next) {
}
