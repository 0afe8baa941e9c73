package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.at;
import static dev.ticketing.architecture.deploy.Yamls.mapAt;
import static dev.ticketing.architecture.deploy.Yamls.name;
import static dev.ticketing.architecture.deploy.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.architecture.deploy.Workload.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service, the gateway and the client as Kubernetes would run them, checked against what
 * the application itself says it listens on and needs (its application.yml, pom and sources).
 */
class ServiceDeploymentsTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|PASSWORD|SECRET|TOKEN)");

    static Stream<Arguments> services() {
        return Renderings.servicesInEach();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void runsAsADeploymentBehindAServiceOfTheSameNameThatReachesTheApplicationsPort(Cluster cluster, String module) {
        // given the Deployment running the module's image
        Workload deployment = cluster.deploymentOf(module);
        int port = App.of(module).port(deployment.env());

        // when the Service of the module's name is followed to a container port
        Map<String, Object> service = cluster.find("Service", module)
                .orElseThrow(() -> new AssertionError(cluster + ": no Service named " + module));
        List<Integer> reached = Yamls.mapsAt(service, "spec.ports").stream()
                .map(p -> cluster.resolve(service, text(p.get("port"))).orElseThrow())
                .peek(endpoint -> assertThat(endpoint.backend().name()).as("the workload behind Service " + module)
                        .isEqualTo(deployment.name()))
                .map(Cluster.Endpoint::containerPort).toList();

        // then it lands where the application listens
        assertThat(reached).as(cluster + ": ports Service " + module + " forwards to").containsOnly(port).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void declaresTheContainerPortTheApplicationListensOn(Cluster cluster, String module) {
        Workload deployment = cluster.deploymentOf(module);
        int port = App.of(module).port(deployment.env());

        assertThat(deployment.containerPort("http")).as(cluster + ": " + module + "'s container port named http").isEqualTo(port);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void probesAskActuatorForLivenessAndReadinessWhereItAnswers(Cluster cluster, String module) {
        App app = App.of(module);
        Workload deployment = cluster.deploymentOf(module);
        int managementPort = app.managementPort(deployment.env());
        String health = app.actuatorBasePath() + "/health";

        assertThat(app.hasActuator()).as(module + " has actuator (through common or its own dependency)").isTrue();
        assertThat(app.probesEnabled()).as(module + " enables the liveness and readiness health groups").isTrue();
        assertProbe(cluster, deployment, "livenessProbe", health + "/liveness", managementPort);
        assertProbe(cluster, deployment, "readinessProbe", health + "/readiness", managementPort);
        if (!deployment.probe("startupProbe").isEmpty()) {
            assertProbe(cluster, deployment, "startupProbe", health + "/liveness", managementPort);
        }
    }

    private static void assertProbe(Cluster cluster, Workload deployment, String which, String path, int port) {
        Map<String, Object> httpGet = mapAt(deployment.probe(which), "httpGet");
        assertThat(httpGet).as(cluster + ": " + deployment + " " + which + " over HTTP").isNotEmpty();
        assertThat(text(httpGet.get("path"))).as(cluster + ": " + deployment + " " + which + " path").isEqualTo(path);
        assertThat(deployment.containerPort(httpGet.get("port"))).as(cluster + ": " + deployment + " " + which + " port")
                .isEqualTo(port);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void providesEveryVariableTheApplicationNeeds(Cluster cluster, String module) {
        App app = App.of(module);
        Workload deployment = cluster.deploymentOf(module);
        Map<String, EnvVar> env = deployment.env();

        List<String> missing = new ArrayList<>();
        if (app.dependsOnCommon() && !provided(env, "JWT_KEY")) {
            missing.add("JWT_KEY: common's session codec refuses to start without it");
        }
        if (app.hasDatabase()) {
            if (!provided(env, "DATABASE_URL") && !provided(env, "DB_HOST")) {
                missing.add("DATABASE_URL or DB_HOST: where its PostgreSQL is");
            }
            if (!provided(env, "DB_PASSWORD")) {
                missing.add("DB_PASSWORD: the in-cluster PostgreSQL requires one");
            }
        }
        if (app.usesMessaging()) {
            if (!provided(env, "NATS_URL")) {
                missing.add("NATS_URL: it publishes or listens to events");
            }
            if (!provided(env, "NATS_REPLICAS")) {
                missing.add("NATS_REPLICAS: the stream must be replicated like the NATS cluster");
            }
        }
        for (Placeholder placeholder : app.environmentPlaceholders()) {
            if (!satisfied(placeholder, env)) {
                missing.add(placeholder.name() + ": " + (placeholder.defaultValue() == null
                        ? "application.yml gives it no default"
                        : "its default (" + placeholder.defaultValue() + ") only works on a laptop"));
            }
        }

        assertThat(deployment.envProblems()).as(cluster + ": " + module + " environment references").isEmpty();
        assertThat(missing).as(cluster + ": variables " + module + " needs that its Deployment does not provide").isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void marksTheSessionCookieSecureBehindTheHttpsIngress(Cluster cluster, String module) {
        if (!App.of(module).dependsOnCommon()) {
            return; // only services built on common issue or read the session cookie's settings
        }
        EnvVar secure = cluster.deploymentOf(module).env().get("COOKIE_SECURE");
        assertThat(secure).as(cluster + ": " + module + " COOKIE_SECURE").isNotNull();
        assertThat(secure.value()).as(cluster + ": " + module + " COOKIE_SECURE").isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void takesKeysAndPasswordsFromSecretsOnly(Cluster cluster, String module) {
        Map<String, EnvVar> env = cluster.deploymentOf(module).env();

        assertThat(env.values()).as(cluster + ": " + module + " secrets written into manifests")
                .filteredOn(v -> SECRET_NAME.matcher(v.name()).matches())
                .allMatch(EnvVar::fromSecret);
        if (env.containsKey("JWT_KEY")) {
            assertThat(env.get("JWT_KEY").optional()).as(module + " JWT_KEY optional").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void stopsGracefullyWithinTheTerminationGracePeriod(Cluster cluster, String module) {
        Workload deployment = cluster.deploymentOf(module);
        Map<String, Object> preStop = mapAt(deployment.container, "lifecycle.preStop");
        long preStopSeconds = preStopSleepSeconds(preStop);
        long shutdownSeconds = App.of(module).shutdownTimeout().toSeconds();
        Object grace = at(deployment.podSpec(), "terminationGracePeriodSeconds");

        assertThat(preStopSeconds).as(cluster + ": " + module + " waits in preStop until it is out of the endpoints")
                .isBetween(1L, 15L);
        assertThat(grace).as(cluster + ": " + module + " terminationGracePeriodSeconds").isNotNull();
        assertThat(Long.parseLong(text(grace)))
                .as(cluster + ": " + module + " grace period covers preStop (" + preStopSeconds + " s), the graceful shutdown ("
                        + shutdownSeconds + " s) and 10 s to exit")
                .isGreaterThanOrEqualTo(preStopSeconds + shutdownSeconds + 10);
    }

    private static long preStopSleepSeconds(Map<String, Object> preStop) {
        Object sleep = at(preStop, "sleep.seconds");
        if (sleep != null) {
            return Long.parseLong(text(sleep));
        }
        List<Object> command = Yamls.list(at(preStop, "exec.command"), "preStop command");
        if (command.size() == 2 && "sleep".equals(text(command.get(0)))) {
            return Long.parseLong(text(command.get(1)));
        }
        return 0;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void runsAsNonRootWithinResourceLimits(Cluster cluster, String module) {
        Workload deployment = cluster.deploymentOf(module);
        Map<String, Object> pod = deployment.podSpec();

        assertThat(Boolean.TRUE.equals(at(pod, "securityContext.runAsNonRoot"))
                || Boolean.TRUE.equals(at(deployment.container, "securityContext.runAsNonRoot")))
                .as(cluster + ": " + module + " runAsNonRoot").isTrue();
        assertThat(at(deployment.container, "securityContext.allowPrivilegeEscalation"))
                .as(cluster + ": " + module + " allowPrivilegeEscalation").isEqualTo(false);
        assertThat(at(deployment.container, "resources.requests.cpu")).as(module + " cpu request").isNotNull();
        assertThat(at(deployment.container, "resources.requests.memory")).as(module + " memory request").isNotNull();
        assertThat(at(deployment.container, "resources.limits.memory")).as(module + " memory limit").isNotNull();
        // service links would set variables such as GATEWAY_PORT=tcp://10.0.0.1:8080, which the gateway reads as its port
        assertThat(at(pod, "enableServiceLinks")).as(cluster + ": " + module + " enableServiceLinks").isEqualTo(false);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void canWriteTemporaryFilesWhenItsRootFileSystemIsReadOnly(Cluster cluster, String module) {
        Workload deployment = cluster.deploymentOf(module);
        if (!Boolean.TRUE.equals(at(deployment.container, "securityContext.readOnlyRootFilesystem"))) {
            return;
        }
        // Tomcat and the JVM write to java.io.tmpdir
        assertThat(Yamls.mapsAt(deployment.container, "volumeMounts")).extracting(m -> text(m.get("mountPath")))
                .as(cluster + ": " + module + " volume mounts").contains("/tmp");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void keepsServingThroughNodeDrainsWithADisruptionBudget(Cluster cluster, String module) {
        Workload deployment = cluster.deploymentOf(module);
        List<Map<String, Object>> budgets = cluster.disruptionBudgetsFor(deployment);

        assertThat(budgets).as(cluster + ": PodDisruptionBudgets for " + module).hasSize(1);
        Map<String, Object> spec = mapAt(budgets.get(0), "spec");
        boolean drainable = spec.containsKey("maxUnavailable")
                ? Integer.parseInt(text(spec.get("maxUnavailable"))) >= 1
                : Integer.parseInt(text(spec.get("minAvailable"))) < deployment.replicas();
        assertThat(drainable).as(cluster + ": " + name(budgets.get(0)) + " still lets a node drain with "
                + deployment.replicas() + " replica(s)").isTrue();
        if (cluster.rendering.label().equals("base")) {
            assertThat(deployment.replicas()).as("replicas of " + module + " on a real cluster").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void letsPrometheusScrapeTheActuatorEndpoint(Cluster cluster, String module) {
        App app = App.of(module);
        Workload deployment = cluster.deploymentOf(module);
        Map<String, Object> annotations = deployment.templateAnnotations();

        assertThat(text(annotations.get("prometheus.io/scrape"))).as(module + " prometheus.io/scrape").isEqualTo("true");
        assertThat(text(annotations.get("prometheus.io/path"))).as(module + " prometheus.io/path")
                .isEqualTo(app.actuatorBasePath() + "/prometheus");
        assertThat(text(annotations.get("prometheus.io/port"))).as(cluster + ": " + module + " prometheus.io/port")
                .isEqualTo(String.valueOf(app.managementPort(deployment.env())));
    }

    private static boolean provided(Map<String, EnvVar> env, String name) {
        EnvVar var = env.get(name);
        return var != null && !var.optional() && (var.fromSecret() || (var.value() != null && !var.value().isBlank()));
    }

    /** Set by the Deployment, or with a default that works in a cluster (no localhost in it). */
    private static boolean satisfied(Placeholder placeholder, Map<String, EnvVar> env) {
        if (provided(env, placeholder.name()) || (env.containsKey(placeholder.name()) && placeholder.defaultValue() != null)) {
            return true;
        }
        if (placeholder.defaultValue() == null) {
            return false;
        }
        String literal = placeholder.literalDefault();
        if (literal.contains("127.0.0.1") || literal.contains("localhost")) {
            return false;
        }
        return placeholder.nested().stream().allMatch(nested -> satisfied(nested, env));
    }
}
