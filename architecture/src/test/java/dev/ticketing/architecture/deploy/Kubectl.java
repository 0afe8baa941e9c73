package dev.ticketing.architecture.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real {@code kubectl kustomize}, offline: what a cluster would be given, rendered by the
 * tool that renders it for a deployment. {@code KUBECTL} names the program, else the PATH has it.
 */
final class Kubectl {

    private static final String INSTALL_HINT = "kubectl (1.27 or newer, with kustomize 5) is needed to render"
            + " infra/k8s: put it on the PATH or name it in KUBECTL (see README, Kubernetes)";

    private Kubectl() {
    }

    /** The objects {@code kubectl kustomize dir} prints. */
    static List<Map<String, Object>> kustomize(Path dir) {
        String program = program().orElseThrow(() -> new AssertionError(INSTALL_HINT));
        try {
            Path errors = Files.createTempFile("kubectl", ".err");
            try {
                Process process = new ProcessBuilder(program, "kustomize", dir.toString())
                        .redirectError(errors.toFile())
                        .start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + Repo.label(dir) + " failed: " + Files.readString(errors));
                }
                return Yamls.documents(output, "kubectl kustomize " + Repo.label(dir));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> program() {
        String named = System.getenv("KUBECTL");
        if (named != null && !named.isBlank()) {
            return Optional.of(named);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
