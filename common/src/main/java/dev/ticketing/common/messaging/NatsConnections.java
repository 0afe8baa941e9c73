package dev.ticketing.common.messaging;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the service's NATS connection; it starts even while NATS is away and reconnects forever. */
final class NatsConnections {

    private static final Logger log = LoggerFactory.getLogger(NatsConnections.class);

    private NatsConnections() {
    }

    static Connection open(String url, String name) {
        Options options = Options.builder()
                .server(url)
                .connectionName(name)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .connectionListener(NatsConnections::connectionEvent)
                .errorListener(new QuietErrors())
                .build();
        try {
            return Nats.connectReconnectOnConnect(options);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot connect to NATS at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to NATS", e);
        }
    }

    private static void connectionEvent(Connection connection, ConnectionListener.Events event) {
        switch (event) {
            case CONNECTED, RECONNECTED -> log.info("NATS {}: {}", event.name().toLowerCase(), connection.getConnectedUrl());
            case DISCONNECTED -> log.warn("NATS disconnected; events wait in the outbox until it is back");
            default -> log.debug("NATS {}", event);
        }
    }

    /** jnats reports every failed reconnect attempt; the connection events above say what matters. */
    private static final class QuietErrors implements ErrorListener {
        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            log.debug("NATS: {}", exp.toString());
        }

        @Override
        public void errorOccurred(Connection conn, String error) {
            log.warn("NATS error: {}", error);
        }
    }
}
