package dev.ticketing.expiration.hold;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.messaging.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What happens when a hold runs out: {@code expiration.complete}, exactly once per order. */
@Service
class OrderExpirations {

    private static final Logger log = LoggerFactory.getLogger(OrderExpirations.class);

    private final FiredExpirations fired;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final HoldMetrics metrics;

    OrderExpirations(FiredExpirations fired, Outbox outbox, TransactionTemplate transactions, HoldMetrics metrics) {
        this.fired = fired;
        this.outbox = outbox;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /**
     * Records the order as expired and its {@code expiration.complete} in the outbox, in one
     * transaction. db-scheduler removes the task only after this commits; if the service dies in
     * between, the task runs again and finds the order already expired, so nothing is sent twice.
     */
    void expire(UUID orderId, Instant expiresAt, String firedBy) {
        boolean published = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!fired.record(orderId, expiresAt, firedBy)) {
                return false;
            }
            outbox.publish(new ExpirationComplete(orderId));
            return true;
        }));
        if (!published) {
            log.info("Order {} hold ran again; its expiration.complete was already published", orderId);
            return;
        }
        Duration lateness = Duration.between(expiresAt, Instant.now());
        metrics.fired(lateness);
        log.info("Order {} expired: expiration.complete published {} ms after expiresAt", orderId, lateness.toMillis());
    }
}
