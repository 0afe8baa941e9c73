package dev.ticketing.common.testing;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventType;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.OrderedConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's view of the run's stream: publishes events as another service would (with a
 * {@code Nats-Msg-Id}), and reads back what was published on a subject.
 */
public final class EventProbe implements AutoCloseable {

    private final Connection connection;
    private final JsonMapper json;
    private final String stream;
    private final String prefix;

    public EventProbe(String url, String stream, String prefix, JsonMapper json) {
        this.stream = stream;
        this.prefix = prefix;
        this.json = json;
        try {
            this.connection = Nats.connect(url);
            ensureStream();
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("NATS at " + url + " is needed for this test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The probe's NATS connection, for tests that look at the stream's consumers. */
    public Connection connection() {
        return connection;
    }

    /** A probe of this run's stream ({@link TestInfra#STREAM}). */
    public static EventProbe forThisRun(JsonMapper json) {
        return new EventProbe(TestInfra.NATS_URL, TestInfra.STREAM, TestInfra.SUBJECT_PREFIX, json);
    }

    private void ensureStream() throws IOException, JetStreamApiException {
        try {
            connection.jetStreamManagement().getStreamInfo(stream);
        } catch (JetStreamApiException notFound) {
            try {
                connection.jetStreamManagement().addStream(StreamConfiguration.builder()
                        .name(stream)
                        .subjects(Arrays.stream(EventType.STREAM_SUBJECTS).map(s -> prefix + s).toList())
                        .storageType(StorageType.File)
                        .duplicateWindow(Duration.ofMinutes(2))
                        .build());
            } catch (JetStreamApiException raced) {
                // another test created it meanwhile
            }
        }
    }

    /** Publishes {@code event} with a new id, and returns the id. */
    public UUID publish(Event event) {
        UUID id = UUID.randomUUID();
        publish(event, id);
        return id;
    }

    /** Publishes {@code event} with the given id: the same id twice is a duplicate delivery. */
    public void publish(Event event, UUID id) {
        publishRaw(EventType.of(event).subject(), json.writeValueAsBytes(event), id);
    }

    /** Publishes any bytes on a contract subject, for poison-message tests. */
    public void publishRaw(String subject, byte[] body, UUID id) {
        try {
            connection.jetStream().publish(prefix + subject, body,
                    PublishOptions.builder().messageId(id.toString()).build());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("Could not publish to " + subject, e);
        }
    }

    /** Every event of this type in the stream now, oldest first. */
    public <E extends Event> List<E> all(Class<E> type) {
        List<E> events = new ArrayList<>();
        String subject = prefix + EventType.of(type).subject();
        try {
            IterableConsumer consumer = connection.getStreamContext(stream)
                    .createOrderedConsumer(new OrderedConsumerConfiguration().filterSubject(subject))
                    .iterate();
            try {
                Message m;
                while ((m = consumer.nextMessage(Duration.ofMillis(300))) != null) {
                    try {
                        events.add(json.readValue(m.getData(), type));
                    } catch (JacksonException unreadable) {
                        // a poison message some test published on purpose: not an event
                    }
                }
            } finally {
                consumer.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + subject, e);
        }
        return events;
    }

    /** All events of this type that match, once at least {@code count} exist, waiting up to {@code timeout}. */
    public <E extends Event> List<E> await(Class<E> type, Predicate<E> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<E> found;
        do {
            found = all(type).stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Expected " + count + " matching " + type.getSimpleName()
                + " within " + timeout + ", found " + found.size() + ": " + found);
    }

    /** The one event of this type that matches, waiting up to ten seconds. */
    public <E extends Event> E awaitOne(Class<E> type, Predicate<E> match) {
        List<E> found = await(type, match, 1, Duration.ofSeconds(10));
        if (found.size() != 1) {
            throw new AssertionError("Expected exactly one matching " + type.getSimpleName() + ", found " + found);
        }
        return found.get(0);
    }

    /** Matching events of this type after a quiet {@code wait}: for asserting that something was not published twice. */
    public <E extends Event> List<E> after(Duration wait, Class<E> type, Predicate<E> match) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return all(type).stream().filter(match).toList();
    }


    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
