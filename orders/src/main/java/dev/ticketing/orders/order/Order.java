package dev.ticketing.orders.order;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.events.Timestamp;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as the contract shows it, with the ticket it holds. */
public record Order(@Schema(example = "9c4d7e21-5a8b-4f3c-b6e0-1d2a3b4c5e6f") UUID id,
                    @Schema(example = "created") OrderStatus status,
                    @Schema(example = "3f2b8c1e-6a4d-4e9f-8b7a-1c2d3e4f5a6b") UUID userId,
                    @Schema(example = "2026-11-25T18:40:00.000Z") @Timestamp Instant expiresAt,
                    @Schema(example = "0") long version,
                    Ticket ticket) {

    /** The ticket as the order was placed: its title and price then. */
    public record Ticket(@Schema(example = "0f8e2a6c-3b1d-4c7e-8a95-6e4d2c1b0a97") UUID id,
                         @Schema(example = "Concert at the Arena") String title,
                         @Schema(example = "25.50") BigDecimal price,
                         @Schema(example = "0") long version) {
    }
}
