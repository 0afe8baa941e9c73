package dev.ticketing.architecture.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kustomize tree under infra/k8s builds, from files that exist, and leaves no manifest out. */
class KustomizationTest {

    static Stream<Cluster> clusters() {
        return Renderings.all();
    }

    @Test
    void hasTheBaseAndALocalOverlay() {
        assertThat(Repo.kustomizations()).extracting(Repo::label).contains("base", "overlays/local");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void buildsFromFilesThatExistWithFeaturesTheseChecksUnderstand(Cluster cluster) {
        assertThat(cluster.rendering.problems()).as(cluster + ": building it").isEmpty();
        assertThat(cluster.rendering.resources()).as(cluster + ": resources").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void definesEveryResourceOnce(Cluster cluster) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> resource : cluster.rendering.resources()) {
            assertThat(resource).as("a manifest document").containsKeys("apiVersion", "kind", "metadata");
            String id = Yamls.kind(resource) + " " + Yamls.name(resource);
            assertThat(seen.add(id)).as(cluster + ": " + id + " defined once").isTrue();
        }
    }

    @Test
    void leavesNoManifestOutOfEveryKustomization() {
        Set<Path> referenced = new HashSet<>();
        for (Path dir : Repo.kustomizations()) {
            List<Path> files = Kustomize.referencedFiles(dir);
            referenced.addAll(files);
            files.forEach(f -> assertThat(Files.exists(f)).as(dir + " refers to " + f).isTrue());
        }
        List<Path> orphans = Repo.yamlFiles(Repo.K8S).stream()
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .filter(f -> !referenced.contains(f.normalize())).toList();

        assertThat(orphans).as("YAML files under infra/k8s that no kustomization uses").isEmpty();
    }
}
