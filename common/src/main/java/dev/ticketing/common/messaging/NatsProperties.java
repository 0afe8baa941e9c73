package dev.ticketing.common.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * NATS JetStream settings, each from the environment variable of its name ({@code NATS_URL},
 * {@code NATS_MAX_AGE}, ...). {@code subjectPrefix} keeps a test run's subjects apart from a running
 * system's on the same server (stream subjects may not overlap).
 *
 * @param maxAge         how long the stream keeps a message: far beyond the longest time a consumer may lag
 * @param maxBytes       the stream's storage cap (the oldest messages go first); must fit the JetStream volume
 * @param maxAckPending  events delivered to one durable consumer and not yet acknowledged, at most
 * @param notYetLimit    how long an event a listener keeps answering "not yet" is retried before it is parked
 */
@ConfigurationProperties("nats")
public record NatsProperties(
        @DefaultValue("nats://127.0.0.1:4222") String url,
        @DefaultValue("TICKETING") String stream,
        @DefaultValue("") String subjectPrefix,
        @DefaultValue("1") int replicas,
        @DefaultValue("2m") Duration duplicateWindow,
        @DefaultValue("7d") Duration maxAge,
        @DefaultValue("1GB") DataSize maxBytes,
        @DefaultValue("30s") Duration ackWait,
        @DefaultValue("10") int maxDeliver,
        @DefaultValue("1s") Duration redeliveryBackoff,
        @DefaultValue("1000") int maxAckPending,
        @DefaultValue("10m") Duration notYetLimit) {

    public NatsProperties {
        if (maxAge.compareTo(duplicateWindow) <= 0) {
            throw new IllegalArgumentException("nats.max-age (" + maxAge + ") must be longer than the duplicate window ("
                    + duplicateWindow + ")");
        }
    }

    public String subject(String contractSubject) {
        return subjectPrefix + contractSubject;
    }

    /** The contract subject of a message's subject, without this deployment's prefix. */
    String contractSubject(String subject) {
        return subject.startsWith(subjectPrefix) ? subject.substring(subjectPrefix.length()) : subject;
    }

    /**
     * How long a processed event's id is kept: a copy of the event can still arrive while the stream
     * holds the message (max age), or when an outbox resends it just after; a day beyond that, none can.
     */
    Duration processedEventsRetention() {
        return maxAge.plus(duplicateWindow).plusDays(1);
    }
}
