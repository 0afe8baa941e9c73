package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's durable pull consumer ({@code <service>-service}, shared by its replicas, so each
 * event is handled once per service). Each event runs its listener in a transaction that also
 * records the event id, then is acknowledged. A listener that is not ready yet gets the event
 * back shortly; one that fails gets it back with a growing delay, and after the last allowed
 * delivery the event is parked in {@code parked_events}. Nothing a listener does stops the consumer.
 */
class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    private static final String MSG_ID = "Nats-Msg-Id";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration NOT_YET_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_NOT_YET_DELAY = Duration.ofSeconds(2);
    /** How long one pull waits on the server: also the longest a shutdown waits for messages in flight. */
    private static final int PULL_EXPIRY_MS = 2000;
    private static final Duration DRAIN_LIMIT = Duration.ofMillis(PULL_EXPIRY_MS + 1000);

    private final Connection connection;
    private final JetStreamSetup setup;
    private final NatsProperties properties;
    private final String durable;
    private final Map<String, EventListener<?>> listeners;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private volatile boolean running;
    private Thread worker;
    private Instant lastFailureLogged = Instant.EPOCH;

    EventConsumer(Connection connection, JetStreamSetup setup, NatsProperties properties, String durable,
                  List<EventListener<?>> listeners, JdbcClient jdbc, TransactionTemplate transactions,
                  JsonMapper json, MeterRegistry meters) {
        this.connection = connection;
        this.setup = setup;
        this.properties = properties;
        this.durable = durable;
        this.listeners = listeners.stream().collect(Collectors.toMap(l -> l.type().subject(), Function.identity()));
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void start() {
        if (listeners.isEmpty()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "events-" + durable);
        worker.start();
        log.info("Consumer {} listening to {}", durable, listeners.keySet());
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(properties.ackWait().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        IterableConsumer consumer = null;
        while (running) {
            try {
                if (consumer == null) {
                    consumer = subscribe();
                }
                Message message = consumer.nextMessage(POLL);
                if (message != null) {
                    handle(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                logFailure(e);
                consumer = close(consumer);
                pause();
            }
        }
        drain(consumer);
    }

    /**
     * Stops pulling, then handles what the server already sent to this replica, so a replica that
     * shuts down leaves nothing waiting out the ack timeout.
     */
    private void drain(IterableConsumer consumer) {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        try {
            while (!consumer.isFinished() && Instant.now().isBefore(deadline)) {
                Message message = consumer.nextMessage(Duration.ofMillis(100));
                if (message != null) {
                    handle(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Draining consumer {}: {}", durable, e.toString());
        }
    }

    private IterableConsumer subscribe() throws Exception {
        setup.ensureStream();
        ConsumerConfiguration config = ConsumerConfiguration.builder()
                .durable(durable)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(properties.ackWait())
                // deliveries are bounded here, not by the server, so a failing event is parked, never dropped
                .maxDeliver(-1)
                .build();
        return connection.getStreamContext(properties.stream())
                .createOrUpdateConsumer(config)
                .iterate(ConsumeOptions.builder().batchSize(64).expiresIn(PULL_EXPIRY_MS).build());
    }

    void handle(Message message) {
        String subject = properties.contractSubject(message.getSubject());
        EventListener<?> listener = listeners.get(subject);
        if (listener == null) {
            message.ack();
            return;
        }
        UUID eventId = eventId(message);
        long delivery = message.metaData().deliveredCount();
        Event event;
        try {
            event = json.readValue(message.getData(), listener.type().payloadType());
        } catch (JacksonException e) {
            park(message, subject, eventId, delivery, "unreadable payload: " + e.getOriginalMessage());
            return;
        }
        try {
            Boolean applied = transactions.execute(status -> apply(listener, event, eventId, subject));
            message.ack();
            count(subject, Boolean.TRUE.equals(applied) ? "applied" : "duplicate");
        } catch (NotYetException e) {
            log.debug("Event {} {} not yet: {}", subject, eventId, e.getMessage());
            message.nakWithDelay(min(NOT_YET_DELAY.multipliedBy(delivery), MAX_NOT_YET_DELAY));
            count(subject, "not_yet");
        } catch (RuntimeException e) {
            if (delivery >= properties.maxDeliver()) {
                park(message, subject, eventId, delivery, e.toString());
                log.error("Event {} {} failed on its last delivery ({}) and was parked", subject, eventId, delivery, e);
            } else {
                log.warn("Event {} {} failed (delivery {} of {}), retrying: {}",
                        subject, eventId, delivery, properties.maxDeliver(), e.toString());
                message.nakWithDelay(properties.redeliveryBackoff().multipliedBy(delivery));
                count(subject, "retry");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <E extends Event> boolean apply(EventListener<E> listener, Event event, UUID eventId, String subject) {
        int recorded = jdbc.sql("INSERT INTO processed_events (event_id, subject) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(eventId, subject)
                .update();
        if (recorded == 0) {
            return false;
        }
        listener.on((E) event);
        return true;
    }

    private void park(Message message, String subject, UUID eventId, long delivery, String error) {
        jdbc.sql("""
                INSERT INTO parked_events (event_id, subject, payload, error, deliveries)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, subject, new String(message.getData(), StandardCharsets.UTF_8), error, delivery)
                .update();
        message.term();
        count(subject, "parked");
    }

    /** The event's id from its header; a message published without one gets a stable id from its stream position. */
    private UUID eventId(Message message) {
        String header = message.getHeaders() == null ? null : message.getHeaders().getFirst(MSG_ID);
        if (header != null) {
            try {
                return UUID.fromString(header);
            } catch (IllegalArgumentException e) {
                return UUID.nameUUIDFromBytes(header.getBytes(StandardCharsets.UTF_8));
            }
        }
        String position = properties.stream() + ":" + message.metaData().streamSequence();
        return UUID.nameUUIDFromBytes(position.getBytes(StandardCharsets.UTF_8));
    }

    private void count(String subject, String outcome) {
        Counter.builder("ticketing.events.handled")
                .description("Events this service's consumer received, by outcome")
                .tag("subject", subject)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private IterableConsumer close(IterableConsumer consumer) {
        if (consumer != null) {
            try {
                consumer.stop();
            } catch (RuntimeException e) {
                log.debug("Closing consumer: {}", e.toString());
            }
        }
        return null;
    }

    private void logFailure(Exception e) {
        Instant now = Instant.now();
        if (now.isAfter(lastFailureLogged.plusSeconds(60))) {
            lastFailureLogged = now;
            log.warn("Consumer {} cannot fetch events ({}); retrying every second", durable, e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
