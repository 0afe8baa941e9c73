package dev.ticketing.client.order;

import dev.ticketing.client.web.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** An order as the orders service answers it, with what its pages need to know about it. */
record Order(String id, String status, String userId, Instant expiresAt, long version, Ticket ticket) {

    static final String CREATED = "created";
    static final String AWAITING_PAYMENT = "awaiting:payment";
    static final String CANCELLED = "cancelled";
    static final String COMPLETE = "complete";

    record Ticket(String id, String title, BigDecimal price, long version) {

        public String priceText() {
            return Money.format(price);
        }
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    /** Waiting for payment: it may still be paid until {@code expiresAt}. */
    public boolean open() {
        return CREATED.equals(status) || AWAITING_PAYMENT.equals(status);
    }

    /** Whole seconds left to pay, 0 once the hold is over. */
    public long secondsLeft(Instant now) {
        if (expiresAt == null) {
            return 0;
        }
        return Math.max(0, Duration.between(now, expiresAt).toSeconds());
    }

    /** Bootstrap colour of the status: green when paid, amber while waiting for payment, grey when cancelled. */
    public String statusColour() {
        return switch (status == null ? "" : status) {
            case COMPLETE -> "success";
            case CREATED, AWAITING_PAYMENT -> "warning";
            case CANCELLED -> "secondary";
            default -> "light";
        };
    }
}
