package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.at;
import static dev.ticketing.architecture.deploy.Yamls.mapAt;
import static dev.ticketing.architecture.deploy.Yamls.mapsAt;
import static dev.ticketing.architecture.deploy.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Ingress sends each path to the service the gateway would send it to, and the gateway's
 * and the client's upstream URLs lead to the right Services. The gateway's routes are read from
 * its application.yml, so a route added there and not here fails this test.
 */
class IngressTest {

    static Stream<Cluster> clusters() {
        return Renderings.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void isOneIngressForIngressNginxOnTicketingDev(Cluster cluster) {
        List<Map<String, Object>> ingresses = cluster.ofKind("Ingress");
        assertThat(ingresses).as(cluster + ": Ingresses").hasSize(1);
        Map<String, Object> ingress = ingresses.get(0);

        assertThat(text(at(ingress, "spec.ingressClassName"))).as("ingressClassName").isEqualTo("nginx");
        assertThat(mapAt(ingress, "metadata.annotations")).as("annotations").doesNotContainKey("kubernetes.io/ingress.class");
        assertThat(mapsAt(ingress, "spec.rules")).extracting(rule -> text(rule.get("host"))).containsExactly("ticketing.dev");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void routesEachPathToTheServiceTheGatewayRoutesItTo(Cluster cluster) {
        Map<String, String> gateway = gatewayRoutes(cluster);
        Map<String, String> ingress = ingressRoutes(cluster);

        assertThat(gateway).as("the gateway's routes (application.yml)").isNotEmpty();
        assertThat(ingress).as(cluster + ": Ingress path prefix -> module, against the gateway's").isEqualTo(gateway);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void letsTheClientCallTheApiThroughTheGateway(Cluster cluster) {
        Workload client = cluster.deploymentOf("client");
        String apiUrl = Placeholder.resolve("${API_URL}", Placeholder.lookupIn(client.env()));
        assertThat(apiUrl).as(cluster + ": client API_URL").isNotNull();

        assertThat(moduleAt(cluster, apiUrl)).as(cluster + ": what client API_URL " + apiUrl + " reaches").isEqualTo("gateway");
    }

    /** Path prefix -> module, from the gateway's route predicates and its upstream URLs in the cluster. */
    static Map<String, String> gatewayRoutes(Cluster cluster) {
        Workload gateway = cluster.deploymentOf("gateway");
        Map<String, String> routes = new TreeMap<>();
        for (Map<String, Object> route : App.of("gateway").gatewayRoutes()) {
            String uri = text(route.get("uri"));
            if (uri.startsWith("lb://")) {
                uri = App.of("gateway").gatewayUpstream(uri.substring("lb://".length()));
                assertThat(uri).as("the gateway's upstream for route " + route.get("id")).isNotNull();
            }
            String expected = moduleListeningLocallyAt(Placeholder.resolve(uri, name -> null));
            String url = Placeholder.resolve(uri, Placeholder.lookupIn(gateway.env()));
            assertThat(url).as(cluster + ": the gateway's upstream " + uri).isNotNull();
            String reached = moduleAt(cluster, url);
            assertThat(reached).as(cluster + ": route " + route.get("id") + " upstream " + url + " reaches").isEqualTo(expected);
            for (Object predicate : Yamls.list(route.get("predicates"), "predicates")) {
                String p = text(predicate);
                if (p.startsWith("Path=")) {
                    for (String pattern : p.substring("Path=".length()).split(",")) {
                        routes.put(prefix(pattern.trim()), reached);
                    }
                }
            }
        }
        return routes;
    }

    /** Path prefix -> module, from the Ingress rules through their Services to the Deployments. */
    static Map<String, String> ingressRoutes(Cluster cluster) {
        Map<String, String> routes = new TreeMap<>();
        for (Map<String, Object> ingress : cluster.ofKind("Ingress")) {
            for (Map<String, Object> rule : mapsAt(ingress, "spec.rules")) {
                for (Map<String, Object> path : mapsAt(rule, "http.paths")) {
                    assertThat(text(path.get("pathType"))).as(cluster + ": pathType of " + path.get("path")).isEqualTo("Prefix");
                    Map<String, Object> backend = mapAt(path, "backend.service");
                    Map<String, Object> port = mapAt(backend, "port");
                    String servicePort = text(port.containsKey("name") ? port.get("name") : port.get("number"));
                    Map<String, Object> service = cluster.find("Service", text(backend.get("name")))
                            .orElseThrow(() -> new AssertionError(cluster + ": the Ingress names Service " + backend.get("name") + ", which does not exist"));
                    Cluster.Endpoint endpoint = cluster.resolve(service, servicePort)
                            .orElseThrow(() -> new AssertionError(cluster + ": Service " + backend.get("name") + " has no port " + servicePort));
                    routes.put(text(path.get("path")), moduleServing(cluster, endpoint));
                }
            }
        }
        return routes;
    }

    /** "/api/users/**" -> "/api/users"; "/**" -> "/". */
    private static String prefix(String pattern) {
        assertThat(pattern).as("gateway path pattern (only prefix patterns map onto Ingress Prefix paths)").matches("(/[^*?{}]*)?/\\*\\*");
        String prefix = pattern.substring(0, pattern.length() - "/**".length());
        return prefix.isEmpty() ? "/" : prefix;
    }

    /** The module whose default port a local URL such as http://127.0.0.1:3001 names. */
    private static String moduleListeningLocallyAt(String url) {
        int port = URI.create(url).getPort();
        List<String> modules = Repo.SERVICES.stream().filter(m -> App.of(m).port(Map.of()) == port).toList();
        assertThat(modules).as("modules listening on " + port + " by default").hasSize(1);
        return modules.get(0);
    }

    /** The module a cluster URL such as http://auth:3001 reaches, with the port checked against where it listens. */
    static String moduleAt(Cluster cluster, String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        Cluster.Endpoint endpoint = cluster.resolve(uri.getHost(), port)
                .orElseThrow(() -> new AssertionError(cluster + ": " + url + " names no Service port " + uri.getHost() + ":" + port));
        return moduleServing(cluster, endpoint);
    }

    private static String moduleServing(Cluster cluster, Cluster.Endpoint endpoint) {
        String module = Cluster.moduleOf(endpoint.backend())
                .orElseThrow(() -> new AssertionError(cluster + ": " + endpoint.backend() + " runs none of our images"));
        assertThat(endpoint.containerPort()).as(cluster + ": port reached on " + module)
                .isEqualTo(App.of(module).port(endpoint.backend().env()));
        return module;
    }
}
