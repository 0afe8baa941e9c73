package dev.ticketing.tickets.ticket;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next page of the list starts: just after the ticket listed at {@code createdAt} with
 * {@code id}, in the list's order (newest first). Tickets inserted meanwhile fall before it or
 * after it, never shift it, so paging neither skips nor repeats a ticket. Clients get it as an
 * opaque token: creation time in microseconds (PostgreSQL's precision) and the id, base64url.
 */
record Cursor(Instant createdAt, UUID id) {

    private static final int BYTES = Long.BYTES + 2 * Long.BYTES;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String token() {
        ByteBuffer bytes = ByteBuffer.allocate(BYTES)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt))
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The cursor a token stands for; empty when the token was not made by {@link #token()}. */
    static Optional<Cursor> of(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (raw.length != BYTES) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        Instant createdAt = Instant.EPOCH.plus(bytes.getLong(), ChronoUnit.MICROS);
        if (createdAt.isBefore(Instant.EPOCH) || createdAt.isAfter(LATEST)) {
            // no ticket was created then, and PostgreSQL could not even compare with some of those times
            return Optional.empty();
        }
        return Optional.of(new Cursor(createdAt, new UUID(bytes.getLong(), bytes.getLong())));
    }
}
