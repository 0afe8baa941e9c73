package dev.ticketing.tickets.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the public list is asked for: tickets for sale whose title contains every one of
 * {@code words} (ignoring case and accents), newest first, starting after {@code after} (or at the
 * newest when null), skipping {@code offset} of them, {@code limit} at most.
 */
record TicketSearch(List<String> words, Cursor after, int limit, long offset) {

    private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

    /** The words of a search box's text; none for no text. */
    static List<String> wordsOf(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(SPACES.split(text.strip())).filter(w -> !w.isEmpty()).distinct().toList();
    }
}
