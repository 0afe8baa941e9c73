package dev.ticketing.common.messaging;

import dev.ticketing.common.events.EventType;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates or updates the TICKETING stream, idempotently, whichever service gets there first. */
class JetStreamSetup {

    private static final Logger log = LoggerFactory.getLogger(JetStreamSetup.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private final Connection connection;
    private final NatsProperties properties;
    private volatile boolean ready;

    JetStreamSetup(Connection connection, NatsProperties properties) {
        this.connection = connection;
        this.properties = properties;
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
            StreamConfiguration config = StreamConfiguration.builder()
                    .name(properties.stream())
                    .subjects(subjects)
                    .storageType(StorageType.File)
                    .replicas(properties.replicas())
                    .duplicateWindow(properties.duplicateWindow())
                    .build();
            JetStreamManagement jsm = connection.jetStreamManagement();
            try {
                StreamInfo info = jsm.getStreamInfo(properties.stream());
                if (!new HashSet<>(info.getConfiguration().getSubjects()).equals(new HashSet<>(subjects))) {
                    jsm.updateStream(config);
                    log.info("Updated stream {} to subjects {}", properties.stream(), subjects);
                }
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                    throw e;
                }
                try {
                    jsm.addStream(config);
                    log.info("Created stream {} with subjects {}", properties.stream(), subjects);
                } catch (JetStreamApiException raced) {
                    log.debug("Stream {} was created meanwhile: {}", properties.stream(), raced.getMessage());
                }
            }
            ready = true;
        }
    }
}
