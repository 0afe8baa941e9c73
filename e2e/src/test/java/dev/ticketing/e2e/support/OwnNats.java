package dev.ticketing.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code nats-server} with JetStream for one end-to-end system, on a free port with its store
 * under {@code e2e/target}, so that a test can stop it and start it again (same port, same store)
 * without disturbing anyone else's NATS.
 */
final class OwnNats {

    private static final long START_TIMEOUT_MILLIS = 15_000;
    private static final long STOP_TIMEOUT_SECONDS = 15;

    private final Path store;
    private final int port;
    private Process process;

    OwnNats(Path store) {
        this.store = store;
        this.port = freePort();
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the server unless it runs, and waits until it accepts connections. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(binary(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js",
                "-sd", store.toString(), "-l", store.resolve("nats.log").toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(store.resolve("nats.out").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("nats-server did not start on port " + port + "; see "
                        + store.resolve("nats.log"));
            }
            pause(50);
        }
        System.out.println("[e2e] NATS with JetStream at " + url() + " (pid " + process.pid() + ", store " + store + ")");
    }

    /** Stops the server gracefully (TERM, KILL after a timeout) and waits until it is gone. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        System.out.println("[e2e] NATS at " + url() + " stopped");
    }

    /** Deletes the JetStream store (once stopped). */
    synchronized void deleteStore() {
        if (!Files.isDirectory(store)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(store)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[e2e] could not delete " + store + ": " + e.getMessage());
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() {
        String configured = System.getProperty("e2e.natsServer");
        if (configured != null) {
            return configured;
        }
        for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nats-server";
    }

    private static int freePort() {
        Integer configured = Integer.getInteger("e2e.natsPort");
        if (configured != null) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Found no free port for NATS", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
