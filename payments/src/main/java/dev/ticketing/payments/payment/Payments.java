package dev.ticketing.payments.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments, at most one per order (a unique key), each written before its card is charged. */
@Repository
class Payments {

    private static final String COLUMNS =
            "id, order_id, amount_cents, token, stripe_id, created_at, outcome_unknown_at, intent_id, refund_id";

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> findByOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ?")
                .param(orderId)
                .query(Payments::payment)
                .optional();
    }

    /**
     * Writes the payment whose charge is about to start, unless the order already has one; returns
     * whether it did. The unique key decides between concurrent buyers. Runs under the order's lock.
     */
    boolean start(Payment payment) {
        return jdbc.sql("""
                INSERT INTO payments (id, order_id, amount_cents, token, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING""")
                .params(payment.id(), payment.orderId(), payment.amountCents(), payment.token(),
                        Timestamp.from(payment.createdAt()))
                .update() == 1;
    }

    /**
     * Locks the payment if its charge is unfinished and nobody holds it; empty if it is finished,
     * gone, or another request is charging it right now (which holds this lock for the whole charge).
     */
    Optional<Payment> lockUnfinished(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = ? AND stripe_id IS NULL FOR UPDATE SKIP LOCKED")
                .param(id)
                .query(Payments::payment)
                .optional();
    }

    void charged(UUID id, String stripeId) {
        jdbc.sql("UPDATE payments SET stripe_id = ?, charged_at = now() WHERE id = ? AND stripe_id IS NULL")
                .params(stripeId, id)
                .update();
    }

    /** Records the PaymentIntent that waits for the buyer's confirmation. */
    void awaitingBuyer(UUID id, String paymentIntentId) {
        jdbc.sql("UPDATE payments SET intent_id = ? WHERE id = ? AND stripe_id IS NULL").params(paymentIntentId, id).update();
    }

    /** The payment that {@code paymentIntentId} charged, if any. */
    Optional<Payment> findCharged(String paymentIntentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE stripe_id = ?")
                .param(paymentIntentId)
                .query(Payments::payment)
                .optional();
    }

    /** Records that the provider did not say how the charge ended: it may have been made. */
    void outcomeUnknown(UUID id) {
        jdbc.sql("UPDATE payments SET outcome_unknown_at = now() WHERE id = ? AND stripe_id IS NULL").param(id).update();
    }

    /**
     * Locks the order's payment, whatever state it is in, waiting for a charge under way to
     * finish; taken under the order's lock, after the cancellation was applied.
     */
    Optional<Payment> lockOfOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = ? FOR UPDATE")
                .param(orderId)
                .query(Payments::payment)
                .optional();
    }

    void refunded(UUID id, String refundId) {
        jdbc.sql("UPDATE payments SET refund_id = ?, refunded_at = now() WHERE id = ?").params(refundId, id).update();
    }

    /**
     * Forgets a payment that took no money and never will (declined, or its PaymentIntent
     * failed or was cancelled), so the buyer can try another card.
     */
    void release(UUID id) {
        jdbc.sql("DELETE FROM payments WHERE id = ? AND stripe_id IS NULL").param(id).update();
    }

    private static Payment payment(ResultSet row, int n) throws SQLException {
        return new Payment(
                row.getObject("id", UUID.class),
                row.getObject("order_id", UUID.class),
                row.getLong("amount_cents"),
                row.getString("token"),
                row.getString("stripe_id"),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("outcome_unknown_at")),
                row.getString("intent_id"),
                row.getString("refund_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
