package dev.ticketing.e2e.support;

import java.util.Locale;

/** The processes {@code ./ticketing up} starts, by the name the launcher knows them. */
public enum Service {
    CLIENT(0), AUTH(1), TICKETS(2), ORDERS(3), PAYMENTS(4), EXPIRATION(5), GATEWAY(-1);

    private final int portOffset;

    Service(int portOffset) {
        this.portOffset = portOffset;
    }

    /** The launcher's name: {@code ./ticketing restart orders}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Offset from {@code TICKETING_PORT_BASE}; the gateway has its own port. */
    int portOffset() {
        return portOffset;
    }

    /** Whether it has a database of its own ({@code ticketing_<id><suffix>}). */
    public boolean hasDatabase() {
        return this != GATEWAY && this != CLIENT;
    }
}
