package dev.ticketing.common.messaging;

import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One durable pull consumer of the service, filtered to one subject ({@code <service>-service-<subject>},
 * shared by the service's replicas, so each event is handled once per service), and the thread that
 * feeds its messages to the {@link EventHandler}. Fetch failures (NATS away, the stream or the consumer
 * deleted) never end the thread: it looks for the stream again, recreates what is missing, and goes on.
 * After NATS reconnects, the subscription is made anew: a restarted server has forgotten the pulls the
 * old one was waiting on, and jnats would otherwise wait for messages that no pull asks for.
 */
class DurableConsumer {

    private static final Logger log = LoggerFactory.getLogger(DurableConsumer.class);
    /** How long the thread waits for a message before it checks whether it should stop. */
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int BATCH = 64;
    /** A pull waits this long on the server; a longer wait means fewer pulls while idle. */
    private static final int PULL_EXPIRY_MS = 30_000;
    /** On shutdown, how long the thread keeps handling what the server had already sent. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(2);
    private static final Duration QUIET_LOGGING = Duration.ofMinutes(1);

    private final String durable;
    private final String subject;
    private final String formerDurable;
    private final List<String> siblings;
    private final JetStreamSetup setup;
    private final EventHandler handler;
    private final DeferredEvents deferred;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant stoppedAt;
    private Instant lastFailureLogged = Instant.EPOCH;

    DurableConsumer(String durable, String subject, String formerDurable, List<String> siblings, JetStreamSetup setup,
                    EventHandler handler, DeferredEvents deferred) {
        this.durable = durable;
        this.subject = subject;
        this.formerDurable = formerDurable;
        this.siblings = siblings;
        this.setup = setup;
        this.handler = handler;
        this.deferred = deferred;
    }

    String durable() {
        return durable;
    }

    synchronized void start() {
        running = true;
        stoppedAt = null;
        Thread worker = new Thread(this::run, "events-" + durable);
        worker.setUncaughtExceptionHandler((t, e) ->
                log.error("Consumer {} stopped by {}; it will be restarted", durable, e.toString(), e));
        thread = worker;
        worker.start();
    }

    /** Whether its thread is alive: false after an {@link Error} ended it, until it is restarted. */
    boolean alive() {
        Thread worker = thread;
        return worker != null && worker.isAlive();
    }

    /** How long ago its thread ended while it should have run; zero while it runs. */
    Duration stoppedFor() {
        Instant since = stoppedAt;
        return since == null ? Duration.ZERO : Duration.between(since, Instant.now());
    }

    void stop() {
        running = false;
    }

    void awaitStop(Duration limit) throws InterruptedException {
        Thread worker = thread;
        if (worker != null) {
            worker.join(limit.toMillis());
        }
    }

    private void run() {
        IterableConsumer consumer = null;
        long subscribedAtReconnects = 0;
        try {
            while (running) {
                try {
                    if (consumer != null && setup.reconnects() != subscribedAtReconnects) {
                        log.info("Consumer {}: NATS reconnected, pulling anew", durable);
                        consumer = close(consumer);
                    }
                    if (consumer == null) {
                        subscribedAtReconnects = setup.reconnects();
                        consumer = subscribe();
                    }
                    List<Message> batch = fetch(consumer);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    EventHandler.Outcome outcome = handler.handle(batch);
                    if (outcome.applied()) {
                        deferred.wake();
                    }
                    if (outcome.fatal() != null) {
                        release(consumer, outcome.unsettled());
                        consumer = null;
                        throw outcome.fatal();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    logFailure(e);
                    consumer = close(consumer);
                    setup.recheck();
                    pause();
                }
            }
            drain(consumer);
            consumer = null;
        } finally {
            release(consumer, List.of());
            if (running) {
                stoppedAt = Instant.now();
            }
        }
    }

    private IterableConsumer subscribe() throws Exception {
        setup.ensureConsumer(durable, subject, formerDurable);
        setup.retireFormerConsumer(formerDurable, siblings);
        return setup.consumerContext(durable)
                .iterate(ConsumeOptions.builder().batchSize(BATCH).expiresIn(PULL_EXPIRY_MS).build());
    }

    /** The next message, waiting up to {@link #POLL}, and every one already received after it. */
    private static List<Message> fetch(IterableConsumer consumer) throws Exception {
        Message first = consumer.nextMessage(POLL);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        Message next;
        while (batch.size() < BATCH && (next = consumer.nextMessage((Duration) null)) != null) {
            batch.add(next);
        }
        return batch;
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
                    handler.handle(List.of(message));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Draining consumer {}: {}", durable, e.toString());
        } finally {
            close(consumer);
        }
    }

    /**
     * After an {@link Error}: stops pulling, closes the subscription, then hands what this replica
     * had received but not settled back to the stream at once (after the close, so that the server
     * cannot send it to this subscription again).
     */
    private void release(IterableConsumer consumer, List<Message> unsettled) {
        if (consumer == null) {
            return;
        }
        List<Message> handBack = new ArrayList<>(unsettled);
        consumer.stop();
        try {
            Message message;
            while ((message = consumer.nextMessage((Duration) null)) != null) {
                handBack.add(message);
            }
        } catch (Exception e) {
            log.debug("Releasing consumer {}: {}", durable, e.toString());
        } finally {
            close(consumer);
        }
        handBack.forEach(Message::nak);
    }

    private IterableConsumer close(IterableConsumer consumer) {
        if (consumer != null) {
            try {
                consumer.close();
            } catch (Exception e) {
                log.debug("Closing consumer {}: {}", durable, e.toString());
            }
        }
        return null;
    }

    private void logFailure(Exception e) {
        Instant now = Instant.now();
        if (now.isAfter(lastFailureLogged.plus(QUIET_LOGGING))) {
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
