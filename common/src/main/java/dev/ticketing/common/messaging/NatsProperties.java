package dev.ticketing.common.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * NATS JetStream settings, from {@code NATS_URL}, {@code NATS_STREAM}, {@code NATS_REPLICAS},
 * {@code NATS_ACK_WAIT}, {@code NATS_MAX_DELIVER}. {@code subjectPrefix} keeps a test run's
 * subjects apart from a running system's on the same server (stream subjects may not overlap).
 */
@ConfigurationProperties("nats")
public record NatsProperties(
        @DefaultValue("nats://127.0.0.1:4222") String url,
        @DefaultValue("TICKETING") String stream,
        @DefaultValue("") String subjectPrefix,
        @DefaultValue("1") int replicas,
        @DefaultValue("2m") Duration duplicateWindow,
        @DefaultValue("30s") Duration ackWait,
        @DefaultValue("10") int maxDeliver,
        @DefaultValue("1s") Duration redeliveryBackoff) {

    public String subject(String contractSubject) {
        return subjectPrefix + contractSubject;
    }

    /** The contract subject of a message's subject, without this deployment's prefix. */
    String contractSubject(String subject) {
        return subject.startsWith(subjectPrefix) ? subject.substring(subjectPrefix.length()) : subject;
    }
}
