package dev.ticketing.architecture.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checkout around this module: the manifests, skaffold.yaml and the services' sources. */
final class Repo {

    /** Surefire runs in the module's folder; the repository is its parent. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("infra/k8s");
    static final Path BASE = K8S.resolve("base");

    /** Every module that is deployed: a Deployment, a Service and a Jib image each. */
    static final List<String> SERVICES = List.of("auth", "tickets", "orders", "payments", "expiration", "client", "gateway");

    private Repo() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folders under infra/k8s that Kustomize can build: the base and every overlay. */
    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a rendering is called in test names: "base", "overlays/local". */
    static String label(Path kustomization) {
        return K8S.relativize(kustomization).toString().replace('\\', '/');
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
