package dev.ticketing.common.events;

import java.util.UUID;

/** The ticket an order event refers to, by id only. */
public record TicketRef(UUID id) {
}
