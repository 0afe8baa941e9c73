package dev.ticketing.expiration.hold;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders whose hold ran out and whose expiration.complete was recorded. */
@Repository
class FiredExpirations {

    private final JdbcClient jdbc;

    FiredExpirations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the order as expired; false when it already was (nothing is changed then). */
    boolean record(UUID orderId, Instant expiresAt, String firedBy) {
        return jdbc.sql("""
                        INSERT INTO fired_expirations (order_id, expires_at, fired_by)
                        VALUES (?, ?, ?)
                        ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), firedBy)
                .update() == 1;
    }

    boolean contains(UUID orderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM fired_expirations WHERE order_id = ?)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }
}
