package dev.ticketing.common.testing;

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
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * A server of a test's own (nats-server with JetStream, or redis-server without persistence) on a
 * free port, with its data in a folder of its own, that the test can stop and start again on the
 * same port and data: for tests of what happens while a server is away, without disturbing the
 * machine's shared servers.
 */
public final class ServerProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 15_000;
    private static final long STOP_TIMEOUT_SECONDS = 15;

    private final String name;
    private final String scheme;
    private final BiFunction<Integer, Path, List<String>> command;
    private final Path dir;
    private final int port;
    private Process process;

    private ServerProcess(String name, String scheme, BiFunction<Integer, Path, List<String>> command, Path dir,
                          int port) {
        this.name = name;
        this.scheme = scheme;
        this.command = command;
        this.dir = dir.toAbsolutePath();
        this.port = port == 0 ? freePort() : port;
    }

    /** A nats-server with JetStream, its store in {@code dir}; {@code port} 0 picks a free one. */
    public static ServerProcess nats(Path dir, int port) {
        return new ServerProcess("nats-server", "nats", (p, d) -> List.of(binary("nats-server"), "-a", "127.0.0.1",
                "-p", String.valueOf(p), "-js", "-sd", d.toString(), "-l", d.resolve("server.log").toString()),
                dir, port);
    }

    /** A redis-server that keeps nothing on disk, on a free port. */
    public static ServerProcess redis(Path dir) {
        return new ServerProcess("redis-server", "redis", (p, d) -> List.of(binary("redis-server"), "--bind", "127.0.0.1",
                "--port", String.valueOf(p), "--save", "", "--appendonly", "no", "--dir", d.toString(),
                "--logfile", d.resolve("server.log").toString()), dir, 0);
    }

    public String url() {
        return scheme + "://127.0.0.1:" + port;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the server unless it runs, and waits until it accepts connections. */
    public synchronized ServerProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        List<String> line = command.apply(port, dir);
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + line, e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!accepts()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not start on port " + port + "; see " + dir);
            }
            pause();
        }
        return this;
    }

    /** Stops the server gracefully (TERM, then KILL after a timeout) and waits until it is gone. */
    public synchronized void stop() {
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
    }

    /** Deletes the server's folder (once stopped). */
    public synchronized void deleteData() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stop();
        deleteData();
    }

    private boolean accepts() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary(String name) {
        for (String folder : List.of("/usr/sbin/", "/usr/bin/", "/usr/local/bin/")) {
            if (Files.isExecutable(Path.of(folder + name))) {
                return folder + name;
            }
        }
        return name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Found no free port", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
