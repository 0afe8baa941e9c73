package dev.ticketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeder files the Gatling simulations read: one CSV row per order to place, with the buyer's
 * session token, the ticket to order and the row's place in the schedule ({@code seq}, from 0),
 * which the open-loop simulation uses to tell when the request was due.
 */
final class Feeders {

    static final String HEADER = "seq,token,ticketId";

    private Feeders() {
    }

    /**
     * Writes {@code orders} rows to {@code file}: row {@code i} orders {@code tickets[i % tickets]} as
     * {@code buyers[i % buyers]}, so a list of distinct tickets with as many rows gives each ticket one
     * order, and fewer tickets than rows makes buyers compete for them (the flash sale).
     */
    static Path write(Path file, List<String> buyers, List<String> tickets, int orders) throws IOException {
        if (buyers.isEmpty() || tickets.isEmpty()) {
            throw new IllegalArgumentException("a feeder needs at least one buyer and one ticket");
        }
        List<String> lines = new ArrayList<>(orders + 1);
        lines.add(HEADER);
        for (int i = 0; i < orders; i++) {
            lines.add(i + "," + csv(buyers.get(i % buyers.size())) + "," + csv(tickets.get(i % tickets.size())));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        return file;
    }

    /** Buyers for a feeder: {@code count} new users, each with a session token signed with the system's key. */
    static List<String> buyers(Tokens tokens, int count) {
        List<String> buyers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buyers.add(tokens.forNewUser());
        }
        return buyers;
    }

    private static String csv(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a feeder value must not need quoting: " + value);
        }
        return value;
    }
}
