package dev.ticketing.e2e.support;

import java.math.BigDecimal;
import java.time.Instant;

/** An order as the orders service shows it; status is created, cancelled, awaiting:payment or complete. */
public record Order(String id, String status, String userId, Instant expiresAt, long version, OrderedTicket ticket) {

    public record OrderedTicket(String id, String title, BigDecimal price, long version) {
    }
}
