package dev.ticketing.client.ticket;

import dev.ticketing.client.web.Money;
import java.math.BigDecimal;

/** One of the seller's own tickets, as GET /api/tickets/mine answers it, with where its sale stands. */
record Listing(String id, String title, BigDecimal price, String status) {

    static final String AVAILABLE = "available";
    static final String RESERVED = "reserved";
    static final String SOLD = "sold";

    public String priceText() {
        return Money.format(price);
    }

    /** Only a ticket no order holds can be edited (the API refuses the others). */
    public boolean editable() {
        return AVAILABLE.equals(status);
    }

    /** Bootstrap colour of the status: blue while on sale, amber while an order holds it, green once sold. */
    public String statusColour() {
        return switch (status == null ? "" : status) {
            case AVAILABLE -> "primary";
            case RESERVED -> "warning";
            case SOLD -> "success";
            default -> "light";
        };
    }
}
