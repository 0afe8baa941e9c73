package dev.ticketing.architecture.deploy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Sources for parameterized tests: every kustomization (base and overlays), and every service in each. */
final class Renderings {

    private static List<Cluster> clusters;

    private Renderings() {
    }

    static synchronized List<Cluster> clusters() {
        if (clusters == null) {
            clusters = Repo.kustomizations().stream().map(Kustomize::render).map(Cluster::new).toList();
        }
        return clusters;
    }

    static Cluster base() {
        return clusters().stream().filter(c -> c.rendering.label().equals("base")).findFirst()
                .orElseThrow(() -> new AssertionError("infra/k8s/base has no kustomization.yaml"));
    }

    static Stream<Cluster> all() {
        return clusters().stream();
    }

    static Stream<Arguments> servicesInEach() {
        return all().flatMap(cluster -> Repo.SERVICES.stream().map(module -> Arguments.of(cluster, module)));
    }
}
