package dev.ticketing.common.messaging;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A nats-server of the test's own, on a free port, that the test can stop and start again with its data. */
final class PrivateNatsServer implements AutoCloseable {

    private final int port;
    private final Path store;
    private Process process;

    PrivateNatsServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.store = Files.createTempDirectory("nats-test");
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    void start() throws IOException {
        String binary = new File("/usr/sbin/nats-server").canExecute() ? "/usr/sbin/nats-server" : "nats-server";
        process = new ProcessBuilder(binary, "-a", "127.0.0.1", "-p", String.valueOf(port), "-js", "-sd", store.toString())
                .redirectErrorStream(true)
                .redirectOutput(store.resolve("server.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("nats-server did not start on port " + port);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
