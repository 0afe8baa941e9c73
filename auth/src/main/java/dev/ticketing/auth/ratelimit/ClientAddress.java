package dev.ticketing.auth.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling: the first {@code X-Forwarded-For} entry (set by the gateway), else the peer's address. */
public final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Longer than any IPv6 address; a longer value is cut so it cannot bloat the bucket keys. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty()) {
                return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH);
            }
        }
        return request.getRemoteAddr();
    }
}
