package dev.ticketing.payments.order;

import dev.ticketing.common.events.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of an order: what it takes to decide whether, and how much, to charge. */
public record Order(UUID id, UUID userId, BigDecimal price, OrderStatus status, Instant expiresAt, long version) {

    /** The price in integer cents, exactly: 19.99 is 1999. A price with more than two decimals is a bug upstream. */
    public long priceInCents() {
        return price.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
