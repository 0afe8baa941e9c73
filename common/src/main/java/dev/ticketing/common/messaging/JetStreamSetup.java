package dev.ticketing.common.messaging;

import dev.ticketing.common.events.EventType;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the TICKETING stream and the service's durable consumers, idempotently,
 * whichever service or replica gets there first. After a failure that may mean the stream is gone
 * (a wiped NATS store, a new cluster), {@link #recheck()} makes the next use look again and
 * recreate what is missing.
 */
class JetStreamSetup {

    private static final Logger log = LoggerFactory.getLogger(JetStreamSetup.class);
    private static final int STREAM_NOT_FOUND = 10059;
    private static final int CONSUMER_NOT_FOUND = 10014;

    private final Connection connection;
    private final NatsProperties properties;
    private volatile boolean ready;

    JetStreamSetup(Connection connection, NatsProperties properties) {
        this.connection = connection;
        this.properties = properties;
    }

    /** The stream may be gone: the next {@link #ensureStream()} asks the server instead of trusting the last answer. */
    void recheck() {
        ready = false;
    }

    void ensureStream() throws IOException, JetStreamApiException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            List<String> subjects = Arrays.stream(EventType.STREAM_SUBJECTS).map(properties::subject).toList();
            JetStreamManagement jsm = connection.jetStreamManagement();
            try {
                StreamConfiguration current = jsm.getStreamInfo(properties.stream()).getConfiguration();
                if (!matches(current, subjects)) {
                    jsm.updateStream(withLimits(StreamConfiguration.builder(current), subjects).build());
                    log.info("Updated stream {}: subjects {}, max age {}, max bytes {}",
                            properties.stream(), subjects, properties.maxAge(), properties.maxBytes());
                }
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                    throw e;
                }
                create(jsm, subjects);
            }
            ready = true;
        }
    }

    private void create(JetStreamManagement jsm, List<String> subjects) throws IOException, JetStreamApiException {
        StreamConfiguration config = withLimits(StreamConfiguration.builder()
                .name(properties.stream())
                .storageType(StorageType.File)
                .replicas(properties.replicas())
                .duplicateWindow(properties.duplicateWindow()), subjects)
                .build();
        try {
            StreamInfo created = jsm.addStream(config);
            log.info("Created stream {} with subjects {}, max age {}, max bytes {}", created.getConfiguration().getName(),
                    subjects, properties.maxAge(), properties.maxBytes());
        } catch (JetStreamApiException raced) {
            log.debug("Stream {} was created meanwhile: {}", properties.stream(), raced.getMessage());
        }
    }

    /** Retention: messages older than max age go, and the oldest go first when the cap is reached. */
    private StreamConfiguration.Builder withLimits(StreamConfiguration.Builder builder, List<String> subjects) {
        return builder.subjects(subjects)
                .maxAge(properties.maxAge())
                .maxBytes(properties.maxBytes().toBytes())
                .discardPolicy(DiscardPolicy.Old);
    }

    private boolean matches(StreamConfiguration current, List<String> subjects) {
        return new HashSet<>(current.getSubjects()).equals(new HashSet<>(subjects))
                && Objects.equals(current.getMaxAge(), properties.maxAge())
                && current.getMaxBytes() == properties.maxBytes().toBytes()
                && current.getDiscardPolicy() == DiscardPolicy.Old;
    }

    /**
     * Makes sure the durable consumer {@code durable} of one contract subject exists with this
     * service's settings. A new one starts where the service's former all-subjects consumer
     * {@code formerDurable} had got to, when there is one, so that switching to per-subject
     * consumers neither skips nor replays events.
     */
    void ensureConsumer(String durable, String subject, String formerDurable) throws IOException, JetStreamApiException {
        ensureStream();
        JetStreamManagement jsm = connection.jetStreamManagement();
        ConsumerConfiguration.Builder wanted = ConsumerConfiguration.builder()
                .durable(durable)
                .filterSubject(properties.subject(subject))
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(properties.ackWait())
                // deliveries are bounded by the consumer, not the server, so a failing event is parked, never dropped
                .maxDeliver(-1)
                .maxAckPending(properties.maxAckPending());
        ConsumerInfo existing = consumerInfo(jsm, durable);
        if (existing != null) {
            ConsumerConfiguration current = existing.getConsumerConfiguration();
            if (!Objects.equals(current.getAckWait(), properties.ackWait())
                    || current.getMaxAckPending() != properties.maxAckPending()) {
                jsm.addOrUpdateConsumer(properties.stream(), ConsumerConfiguration.builder(current)
                        .ackWait(properties.ackWait()).maxAckPending(properties.maxAckPending()).build());
            }
            return;
        }
        ConsumerInfo former = consumerInfo(jsm, formerDurable);
        if (former != null) {
            wanted.deliverPolicy(DeliverPolicy.ByStartSequence)
                    .startSequence(former.getAckFloor().getStreamSequence() + 1);
        }
        try {
            jsm.addOrUpdateConsumer(properties.stream(), wanted.build());
            log.info("Created consumer {} for {}", durable, subject);
        } catch (JetStreamApiException raced) {
            if (consumerInfo(jsm, durable) == null) {
                throw raced;
            }
        }
    }

    /** How often the connection has reconnected: a pull made before a reconnect may be lost with the server. */
    long reconnects() {
        return connection.getStatistics().getReconnects();
    }

    ConsumerContext consumerContext(String durable) throws IOException, JetStreamApiException {
        return connection.getStreamContext(properties.stream()).getConsumerContext(durable);
    }

    /** Deletes the former all-subjects consumer once every per-subject one exists, so it keeps nothing pending. */
    void retireFormerConsumer(String formerDurable, List<String> durables) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        if (consumerInfo(jsm, formerDurable) == null) {
            return;
        }
        for (String durable : durables) {
            if (consumerInfo(jsm, durable) == null) {
                return;
            }
        }
        try {
            jsm.deleteConsumer(properties.stream(), formerDurable);
            log.info("Deleted consumer {}: replaced by {}", formerDurable, durables);
        } catch (JetStreamApiException raced) {
            log.debug("Consumer {} was deleted meanwhile: {}", formerDurable, raced.getMessage());
        }
    }

    private ConsumerInfo consumerInfo(JetStreamManagement jsm, String durable) throws IOException, JetStreamApiException {
        try {
            return jsm.getConsumerInfo(properties.stream(), durable);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == CONSUMER_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
