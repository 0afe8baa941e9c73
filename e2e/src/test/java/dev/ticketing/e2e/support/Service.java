package dev.ticketing.e2e.support;

import java.util.Locale;

/** The processes {@code ./ticketing up} starts, by the name the launcher knows them. */
public enum Service {
    CLIENT, AUTH, TICKETS, ORDERS, PAYMENTS, EXPIRATION, GATEWAY;

    /** The launcher's name: {@code ./ticketing restart orders}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether it has a database of its own ({@code ticketing_<id><suffix>}). */
    public boolean hasDatabase() {
        return this != GATEWAY && this != CLIENT;
    }
}
