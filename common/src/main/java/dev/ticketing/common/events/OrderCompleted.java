package dev.ticketing.common.events;

import java.util.UUID;

public record OrderCompleted(UUID id, long version, TicketRef ticket) implements Event {
}
