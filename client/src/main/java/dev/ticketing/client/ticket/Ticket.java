package dev.ticketing.client.ticket;

import dev.ticketing.client.web.Money;
import java.math.BigDecimal;
import org.springframework.web.util.UriComponentsBuilder;

/** A ticket as the tickets service answers it; {@code orderId} is set while an order holds it. */
record Ticket(String id, String title, BigDecimal price, String userId, long version, String orderId) {

    public String priceText() {
        return Money.format(price);
    }

    public boolean reserved() {
        return orderId != null;
    }

    /** The page of the ticket with this id. */
    static String path(String id) {
        return UriComponentsBuilder.fromPath("/tickets/{id}").buildAndExpand(id).encode().toUriString();
    }
}
