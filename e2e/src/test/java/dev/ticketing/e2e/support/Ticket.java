package dev.ticketing.e2e.support;

import java.math.BigDecimal;

/** A ticket as the tickets service shows it; {@code orderId} is set while an order holds it. */
public record Ticket(String id, String title, BigDecimal price, String userId, long version, String orderId) {

    public boolean reserved() {
        return orderId != null;
    }
}
