package dev.ticketing.auth.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling. Tomcat's RemoteIpValve ({@code server.forward-headers-strategy: native}) has
 * already resolved {@code X-Forwarded-For}: it reads the entries from the right, skipping trusted
 * internal proxies (the gateway, the ingress), so a client cannot dodge its limit by sending a
 * made-up first entry.
 */
public final class ClientAddress {

    /** Longer than any IPv6 address; a longer value is cut so it cannot bloat the bucket keys. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
