package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.at;
import static dev.ticketing.architecture.deploy.Yamls.mapAt;
import static dev.ticketing.architecture.deploy.Yamls.mapsAt;
import static dev.ticketing.architecture.deploy.Yamls.name;
import static dev.ticketing.architecture.deploy.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NATS JetStream, PostgreSQL and Redis in the cluster: the shared ConfigMap points at them, and
 * they are set up the way the services expect (stream replicas, one database per service).
 */
class BackingServicesTest {

    private static final String CONFIG = "ticketing-config";

    static Stream<Cluster> clusters() {
        return Renderings.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void neverAsksForMoreStreamReplicasThanThereAreNatsServers(Cluster cluster) {
        if (cluster.find("StatefulSet", "nats").isEmpty()) {
            return; // an external NATS
        }
        int servers = cluster.statefulSet("nats").replicas();
        assertThat(config(cluster)).as(cluster + ": " + CONFIG).containsKey("NATS_REPLICAS");
        int streamReplicas = Integer.parseInt(text(config(cluster).get("NATS_REPLICAS")));

        assertThat(streamReplicas).as(cluster + ": NATS_REPLICAS with " + servers + " NATS server(s)").isBetween(1, servers);
        if (cluster.rendering.label().equals("base")) {
            assertThat(servers).as("NATS servers on a real cluster").isEqualTo(3);
            assertThat(streamReplicas).as("stream replicas on a real cluster").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void natsServersRouteToEachOtherThroughTheHeadlessServiceWhenThereAreSeveral(Cluster cluster) {
        if (cluster.find("StatefulSet", "nats").isEmpty()) {
            return; // an external NATS
        }
        Workload nats = cluster.statefulSet("nats");
        String conf = mountedConfig(cluster, nats);
        int servers = nats.replicas();
        String headless = text(at(nats.resource, "spec.serviceName"));

        assertThat(conf).as(cluster + ": nats.conf").contains("jetstream").contains("store_dir");
        if (servers == 1) {
            assertThat(conf).as(cluster + ": a single server's nats.conf (a cluster block would wait for absent peers)")
                    .doesNotContain("cluster {").doesNotContain("routes");
            return;
        }
        Matcher route = Pattern.compile("nats://([a-z0-9-]+)-(\\d+)\\.([a-z0-9-]+):6222").matcher(conf);
        Set<Integer> ordinals = new TreeSet<>();
        while (route.find()) {
            assertThat(route.group(1)).as("route to a pod of").isEqualTo(name(nats.resource));
            assertThat(route.group(3)).as("route through the StatefulSet's service").isEqualTo(headless);
            ordinals.add(Integer.valueOf(route.group(2)));
        }
        assertThat(ordinals).as(cluster + ": pods named in the routes")
                .isEqualTo(IntStream.range(0, servers).boxed().collect(Collectors.toCollection(TreeSet::new)));

        Map<String, Object> service = cluster.find("Service", headless)
                .orElseThrow(() -> new AssertionError(cluster + ": no Service " + headless));
        assertThat(text(at(service, "spec.clusterIP"))).as(headless + " clusterIP").isEqualTo("None");
        assertThat(at(service, "spec.publishNotReadyAddresses")).as(headless + " publishes pods before they are ready")
                .isEqualTo(true);
        assertThat(text(at(nats.resource, "spec.podManagementPolicy"))).as("NATS servers start together").isEqualTo("Parallel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void pointsTheServicesAtTheInClusterNatsPostgresAndRedis(Cluster cluster) {
        Map<String, Object> config = config(cluster);

        assertThat(config).as(cluster + ": " + CONFIG).containsKeys("NATS_URL", "REDIS_URL", "DB_HOST", "DB_PORT");
        assertReaches(cluster, URI.create(text(config.get("NATS_URL"))), "nats");
        assertReaches(cluster, URI.create(text(config.get("REDIS_URL"))), "redis");
        assertReaches(cluster, URI.create("postgresql://" + config.get("DB_HOST") + ":" + config.get("DB_PORT")), "postgres");
    }

    private static void assertReaches(Cluster cluster, URI uri, String statefulSet) {
        if (uri.getHost().contains(".")) {
            return; // an external server, which cannot be checked offline
        }
        Cluster.Endpoint endpoint = cluster.resolve(uri.getHost(), uri.getPort())
                .orElseThrow(() -> new AssertionError(cluster + ": " + uri + " names no Service port"));
        assertThat(endpoint.backend().name()).as(cluster + ": what " + uri + " reaches").isEqualTo(statefulSet);
        assertThat(endpoint.backend().declaresContainerPort(endpoint.containerPort()))
                .as(cluster + ": " + statefulSet + " listens on " + endpoint.containerPort()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void createsEveryServicesDatabaseWhenPostgresFirstStarts(Cluster cluster) {
        if (cluster.find("StatefulSet", "postgres").isEmpty()) {
            return; // an external PostgreSQL
        }
        Workload postgres = cluster.statefulSet("postgres");
        Map<String, Object> initVolume = mapsAt(postgres.container, "volumeMounts").stream()
                .filter(m -> "/docker-entrypoint-initdb.d".equals(text(m.get("mountPath")))).findFirst()
                .orElseThrow(() -> new AssertionError(cluster + ": nothing mounted at /docker-entrypoint-initdb.d"));
        String scripts = configMapVolumeData(cluster, postgres, text(initVolume.get("name"))).values().stream()
                .map(Yamls::text).collect(Collectors.joining("\n"));

        List<String> databases = Repo.SERVICES.stream().map(App::of).filter(App::hasDatabase).map(App::databaseName).toList();
        assertThat(databases).hasSize(5);
        for (String database : databases) {
            assertThat(scripts).as(cluster + ": init scripts").containsPattern("(?i)CREATE DATABASE \"?" + database + "\"?;");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void givesPostgresConnectionsForEveryPoolOfEveryReplicaDuringARollingUpdate(Cluster cluster) {
        if (cluster.find("StatefulSet", "postgres").isEmpty()) {
            return; // an external PostgreSQL
        }
        int defaultPool = Placeholder.in(Repo.read(Repo.ROOT.resolve(
                        "common/src/main/resources/ticketing-service-defaults.properties"))).stream()
                .filter(p -> p.name().equals("DB_POOL_SIZE")).map(p -> Integer.parseInt(p.defaultValue()))
                .findFirst().orElseThrow(() -> new AssertionError("no default for DB_POOL_SIZE"));
        int needed = 0;
        for (String module : Repo.SERVICES) {
            if (!App.of(module).hasDatabase()) {
                continue;
            }
            Workload service = cluster.deploymentOf(module);
            Workload.EnvVar pool = service.env().get("DB_POOL_SIZE");
            int size = pool == null || pool.value() == null ? defaultPool : Integer.parseInt(pool.value());
            // a rolling update starts one new pod (maxSurge 1) before an old one stops
            needed += (service.replicas() + 1) * size;
        }
        List<String> args = at(cluster.statefulSet("postgres").container, "args") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        int maxConnections = args.stream().filter(a -> a.startsWith("max_connections="))
                .map(a -> Integer.parseInt(a.substring("max_connections=".length()))).findFirst().orElse(100);
        int headroom = 10; // superuser_reserved_connections (3), psql, a migration by hand
        assertThat(maxConnections).as(cluster + ": PostgreSQL max_connections for pools needing " + needed)
                .isGreaterThanOrEqualTo(needed + headroom);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void givesPostgresTheUserAndPasswordTheServicesLogInWith(Cluster cluster) {
        if (cluster.find("StatefulSet", "postgres").isEmpty()) {
            return; // an external PostgreSQL
        }
        Workload server = cluster.statefulSet("postgres");
        assertThat(server.envProblems()).as(cluster + ": postgres environment references").isEmpty();
        Map<String, Workload.EnvVar> postgres = server.env();
        assertThat(postgres).as(cluster + ": postgres environment").containsKeys("POSTGRES_USER", "POSTGRES_PASSWORD");
        String passwordSource = postgres.get("POSTGRES_PASSWORD").source();

        assertThat(postgres.get("POSTGRES_USER").value()).as("postgres superuser").isEqualTo(text(config(cluster).get("DB_USER")));
        for (String module : Repo.SERVICES) {
            if (App.of(module).hasDatabase()) {
                assertThat(cluster.deploymentOf(module).env().get("DB_PASSWORD").source())
                        .as(cluster + ": where " + module + " gets DB_PASSWORD").isEqualTo(passwordSource);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void keepsStatefulDataOnPersistentVolumesAndRunsPinnedImages(Cluster cluster) {
        for (Workload stateful : cluster.workloads("StatefulSet")) {
            List<String> claims = mapsAt(stateful.resource, "spec.volumeClaimTemplates").stream().map(Yamls::name).toList();
            List<String> mounted = mapsAt(stateful.container, "volumeMounts").stream().map(m -> text(m.get("name"))).toList();

            assertThat(claims).as(cluster + ": " + stateful + " volume claims").isNotEmpty();
            assertThat(mounted).as(cluster + ": " + stateful + " mounts its claims").containsAll(claims);
            assertThat(Images.tagPart(stateful.image())).as(cluster + ": " + stateful + " image tag")
                    .isNotEmpty().isNotEqualTo(":latest");
            assertThat(Boolean.TRUE.equals(at(stateful.podSpec(), "securityContext.runAsNonRoot")))
                    .as(cluster + ": " + stateful + " runAsNonRoot").isTrue();
        }
    }

    private static Map<String, Object> config(Cluster cluster) {
        Map<String, Object> data = cluster.configMapData(CONFIG);
        assertThat(data).as(cluster + ": ConfigMap " + CONFIG).isNotNull();
        return data;
    }

    /** The text of the one file in the ConfigMap a workload mounts as its configuration. */
    private static String mountedConfig(Cluster cluster, Workload workload) {
        List<Map<String, Object>> configVolumes = mapsAt(workload.podSpec(), "volumes").stream()
                .filter(v -> v.containsKey("configMap")).toList();
        assertThat(configVolumes).as(cluster + ": ConfigMap volumes of " + workload).hasSize(1);
        Map<String, Object> data = configMapVolumeData(cluster, workload, text(configVolumes.get(0).get("name")));
        assertThat(data).as(cluster + ": files of " + workload + "'s configuration").hasSize(1);
        return text(data.values().iterator().next());
    }

    private static Map<String, Object> configMapVolumeData(Cluster cluster, Workload workload, String volume) {
        Map<String, Object> source = mapsAt(workload.podSpec(), "volumes").stream()
                .filter(v -> volume.equals(text(v.get("name")))).findFirst()
                .map(v -> mapAt(v, "configMap"))
                .orElseThrow(() -> new AssertionError(cluster + ": " + workload + " has no volume " + volume));
        Map<String, Object> data = cluster.configMapData(text(source.get("name")));
        assertThat(data).as(cluster + ": ConfigMap " + source.get("name")).isNotNull();
        return data;
    }
}
