package dev.ticketing.architecture.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests as a cluster would take them: each kustomization rendered by {@code kubectl
 * kustomize}, every object checked against the Kubernetes 1.32 API schema, offline. An unknown
 * field, a wrong type or a kind the API does not have fails the build here, not at deploy time.
 */
class ClusterSchemaTest {

    static Stream<Path> kustomizations() {
        return Repo.kustomizations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyRenderedObjectIsValidForTheKubernetesApi(Path kustomization) {
        List<Map<String, Object>> objects = Kubectl.kustomize(kustomization);

        assertThat(objects).as(Repo.label(kustomization)).isNotEmpty();
        assertThat(objects.stream().flatMap(o -> KubernetesSchema.problemsOf(o).stream()).toList())
                .as(Repo.label(kustomization)).isEmpty();
    }

    @Test
    void aMisspelledFieldIsRefused() {
        Map<String, Object> deployment = aDeploymentWith(d -> firstContainer(d).put("imagePullPolcy", "Always"));

        assertThat(KubernetesSchema.problemsOf(deployment)).singleElement().asString().contains("imagePullPolcy");
    }

    @Test
    void aFieldAtTheWrongLevelIsRefused() {
        Map<String, Object> deployment = aDeploymentWith(d -> Yamls.mapAt(d, "spec").put("containers", List.of()));

        assertThat(KubernetesSchema.problemsOf(deployment)).singleElement().asString().contains("containers");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThat(KubernetesSchema.problemsOf(aDeploymentWith(d -> Yamls.mapAt(d, "spec").put("replicas", "two"))))
                .isNotEmpty();
        assertThat(KubernetesSchema.problemsOf(aDeploymentWith(d -> Yamls.mapAt(d, "spec").put("replicas", "2"))))
                .singleElement().asString().contains("spec.replicas");
        assertThat(KubernetesSchema.problemsOf(aDeploymentWith(d -> Yamls.mapAt(d, "spec").put("selector", "app"))))
                .isNotEmpty();
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        Map<String, Object> deployment = aDeploymentWith(d -> firstContainer(d).remove("name"));

        assertThat(KubernetesSchema.problemsOf(deployment)).singleElement().asString().contains("name");
    }

    @Test
    void aKindTheApiVersionDoesNotHaveIsRefused() {
        assertThat(KubernetesSchema.problemsOf(aDeploymentWith(d -> d.put("apiVersion", "apps/v1beta9")))).isNotEmpty();
        assertThat(KubernetesSchema.problemsOf(aDeploymentWith(d -> d.put("apiVersion", "v1")))).isNotEmpty();
        assertThat(KubernetesSchema.problemsOf(aDeploymentWith(d -> d.put("kind", "Deploymnet")))).isNotEmpty();
    }

    @Test
    void aQuantityInAnotherNotationIsTheSameQuantity() {
        Map<String, Object> deployment = aDeploymentWith(d -> firstContainer(d)
                .put("resources", Map.of("requests", Map.of("cpu", "0.5", "memory", "1024Mi"))));

        assertThat(KubernetesSchema.problemsOf(deployment)).isEmpty();
    }

    /** The base's auth Deployment as kubectl renders it, changed by a test. */
    private static Map<String, Object> aDeploymentWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> deployment = Kubectl.kustomize(Repo.BASE).stream()
                .filter(o -> "Deployment".equals(Yamls.kind(o)) && "auth".equals(Yamls.name(o)))
                .findFirst().orElseThrow();
        assertThat(KubernetesSchema.problemsOf(deployment)).as("auth as rendered").isEmpty();
        change.accept(deployment);
        return deployment;
    }

    private static Map<String, Object> firstContainer(Map<String, Object> deployment) {
        return Yamls.mapsAt(deployment, "spec.template.spec.containers").get(0);
    }
}
