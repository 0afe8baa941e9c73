package dev.ticketing.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./ticketing <command>} from the repository root with one system's environment,
 * echoing its output to the test log and keeping it for the failure message.
 */
public final class Launcher {

    private final Path repository;
    private final Map<String, String> environment;

    Launcher(Path repository, Map<String, String> environment) {
        this.repository = repository;
        this.environment = Map.copyOf(environment);
    }

    /** What a launcher command printed, and how it ended. */
    public record Result(List<String> command, int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** Throws with the command's output when it failed. */
        public Result orThrow() {
            if (!succeeded()) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exitCode
                        + ":\n" + lastLines(output, 80));
            }
            return this;
        }
    }

    public Result run(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(repository.resolve("ticketing").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> copy(process, output), "ticketing-" + arguments[0]);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // TERM lets the launcher stop what it started before it exits
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                reader.join(5_000);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + lastLines(output(output), 80));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
        return new Result(List.copyOf(command), process.exitValue(), output(output));
    }

    private static void copy(Process process, StringBuilder output) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println(line);
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("(output lost: ").append(e.getMessage()).append(")\n");
            }
        }
    }

    private static String output(StringBuilder output) {
        synchronized (output) {
            return output.toString();
        }
    }

    static String lastLines(String text, int count) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - count);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
