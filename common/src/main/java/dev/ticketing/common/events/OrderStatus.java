package dev.ticketing.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** An order's status, written on the wire and in the databases exactly as {@link #value()}. */
public enum OrderStatus {
    /** The order holds the ticket and waits for payment. */
    CREATED("created"),
    /** The buyer cancelled, or the hold expired; the ticket is free again. */
    CANCELLED("cancelled"),
    /** Kept from the original contract; no service sets it today. */
    AWAITING_PAYMENT("awaiting:payment"),
    /** Paid. */
    COMPLETE("complete");

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static OrderStatus fromValue(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown order status: " + value));
    }
}
