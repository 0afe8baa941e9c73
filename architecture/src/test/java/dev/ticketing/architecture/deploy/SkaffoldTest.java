package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.at;
import static dev.ticketing.architecture.deploy.Yamls.mapsAt;
import static dev.ticketing.architecture.deploy.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** skaffold.yaml builds, with Jib, exactly the images the Deployments run, and deploys kustomizations that exist. */
class SkaffoldTest {

    private static final Path SKAFFOLD = Repo.ROOT.resolve("skaffold.yaml");

    static Stream<Cluster> clusters() {
        return Renderings.all();
    }

    private static Map<String, Object> skaffold() {
        return Yamls.single(SKAFFOLD);
    }

    private static List<Map<String, Object>> artifacts() {
        return mapsAt(skaffold(), "build.artifacts");
    }

    @Test
    void usesTheCurrentSchema() {
        assertThat(text(skaffold().get("apiVersion"))).matches("skaffold/v4beta\\d+");
        assertThat(text(skaffold().get("kind"))).isEqualTo("Config");
    }

    @Test
    void buildsEveryServiceWithJibFromItsMavenModule() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> artifact : artifacts()) {
            String project = text(at(artifact, "jib.project"));
            if (project == null) {
                problems.add(artifact.get("image") + " is not built by Jib from a module");
                continue;
            }
            if (!Repo.SERVICES.contains(project)) {
                problems.add(artifact.get("image") + " is built from " + project + ", which is not a deployed module");
                continue;
            }
            App app = App.of(project);
            if (!app.buildsAnImageWithJib()) {
                problems.add(project + "/pom.xml does not use jib-maven-plugin");
            }
            if (!app.image().equals(text(artifact.get("image")))) {
                problems.add(artifact.get("image") + " is built from " + project + ", whose Jib image is " + app.image());
            }
            if (artifact.containsKey("context") && !Repo.ROOT.resolve(text(artifact.get("context"))).normalize().equals(Repo.ROOT)) {
                problems.add(artifact.get("image") + " must build in the reactor root (context .) so -pl " + project + " -am works");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(artifacts()).extracting(a -> text(at(a, "jib.project"))).containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void buildsExactlyTheImagesTheDeploymentsRun(Cluster cluster) {
        Set<String> built = artifacts().stream().map(a -> text(a.get("image"))).collect(Collectors.toCollection(TreeSet::new));
        Set<String> run = cluster.workloads("Deployment").stream().map(w -> Images.repository(w.image()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(run).as(cluster + ": images the Deployments run").isEqualTo(built);
        cluster.workloads("Deployment").forEach(w -> assertThat(Images.tagPart(w.image()))
                .as(cluster + ": " + w + " leaves the tag to skaffold").isEmpty());
    }

    @Test
    void deploysKustomizationsThatExistWithTheLocalOverlayForDev() {
        List<String> paths = new ArrayList<>();
        paths.addAll(kustomizePaths(skaffold()));
        Map<String, Object> local = null;
        for (Map<String, Object> profile : mapsAt(skaffold(), "profiles")) {
            paths.addAll(kustomizePaths(profile));
            if ("local".equals(text(profile.get("name")))) {
                local = profile;
            }
        }

        assertThat(paths).isNotEmpty().allSatisfy(p -> assertThat(Repo.ROOT.resolve(p).resolve("kustomization.yaml"))
                .as("kustomization of " + p).satisfies(f -> assertThat(Files.isRegularFile(f)).isTrue()));
        assertThat(kustomizePaths(skaffold())).as("skaffold run deploys the cluster default").containsExactly("infra/k8s/base");
        assertThat(local).as("profile local").isNotNull();
        assertThat(kustomizePaths(local)).containsExactly("infra/k8s/overlays/local");
        assertThat(mapsAt(local, "activation")).extracting(a -> text(a.get("command"))).contains("dev");
    }

    private static List<String> kustomizePaths(Map<String, Object> config) {
        return Yamls.list(at(config, "manifests.kustomize.paths"), "kustomize paths").stream().map(Yamls::text).toList();
    }
}
