package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.kind;
import static dev.ticketing.architecture.deploy.Yamls.mapAt;
import static dev.ticketing.architecture.deploy.Yamls.mapsAt;
import static dev.ticketing.architecture.deploy.Yamls.name;
import static dev.ticketing.architecture.deploy.Yamls.text;

import dev.ticketing.architecture.deploy.Kustomize.Rendering;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What one rendering would create in a cluster, with the lookups Kubernetes itself does. */
final class Cluster {

    /** Where a Service port leads: the workload behind the Service and the container port hit. */
    record Endpoint(Map<String, Object> service, Workload backend, Integer containerPort) {
    }

    final Rendering rendering;

    Cluster(Rendering rendering) {
        this.rendering = rendering;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return rendering.resources().stream().filter(r -> kind.equals(kind(r))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return Optional.ofNullable(Kustomize.find(rendering.resources(), kind, name));
    }

    /** A ConfigMap's data, or null when the rendering defines no such ConfigMap. */
    Map<String, Object> configMapData(String name) {
        return find("ConfigMap", name).map(cm -> mapAt(cm, "data")).orElse(null);
    }

    List<Workload> workloads(String kind) {
        return ofKind(kind).stream().map(this::workload).toList();
    }

    /** The Deployment that runs a module's image. */
    Workload deploymentOf(String module) {
        String image = App.of(module).image();
        List<Workload> running = workloads("Deployment").stream()
                .filter(w -> Images.repository(w.image()).equals(image)).toList();
        if (running.size() != 1) {
            throw new AssertionError(rendering + ": expected one Deployment running " + image + ", found " + running);
        }
        return running.get(0);
    }

    Workload statefulSet(String name) {
        return workload(find("StatefulSet", name)
                .orElseThrow(() -> new AssertionError(rendering + ": no StatefulSet " + name)));
    }

    /** The module whose image a workload runs, if it runs one of ours. */
    static Optional<String> moduleOf(Workload workload) {
        return Repo.SERVICES.stream().filter(m -> App.of(m).image().equals(Images.repository(workload.image()))).findFirst();
    }

    private Workload workload(Map<String, Object> resource) {
        List<Map<String, Object>> containers = Workload.containersOf(resource);
        if (containers.isEmpty()) {
            throw new AssertionError(rendering + ": " + kind(resource) + " " + name(resource) + " has no container");
        }
        // the main container is the first; sidecars, if any, come after it
        return new Workload(this, resource, containers.get(0));
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(text(e.getValue()), text(labels.get(e.getKey()))));
    }

    List<Map<String, Object>> servicesSelecting(Workload workload) {
        return ofKind("Service").stream().filter(s -> selects(mapAt(s, "spec.selector"), workload.templateLabels())).toList();
    }

    List<Map<String, Object>> disruptionBudgetsFor(Workload workload) {
        return ofKind("PodDisruptionBudget").stream()
                .filter(p -> selects(mapAt(p, "spec.selector.matchLabels"), workload.templateLabels())).toList();
    }

    /** Where host:port leads inside the cluster: the Service named host, then the workload behind it. */
    Optional<Endpoint> resolve(String host, int port) {
        return find("Service", host).flatMap(service -> resolve(service, String.valueOf(port)));
    }

    /** Where a Service port (by name or number) leads. */
    Optional<Endpoint> resolve(Map<String, Object> service, String portNameOrNumber) {
        Optional<Map<String, Object>> servicePort = mapsAt(service, "spec.ports").stream()
                .filter(p -> portNameOrNumber.equals(text(p.get("name"))) || portNameOrNumber.equals(text(p.get("port"))))
                .findFirst();
        if (servicePort.isEmpty()) {
            return Optional.empty();
        }
        Object targetPort = servicePort.get().getOrDefault("targetPort", servicePort.get().get("port"));
        List<Workload> backends = ofKind("Deployment").stream().map(this::workload)
                .filter(w -> selects(mapAt(service, "spec.selector"), w.templateLabels())).toList();
        if (backends.isEmpty()) {
            backends = ofKind("StatefulSet").stream().map(this::workload)
                    .filter(w -> selects(mapAt(service, "spec.selector"), w.templateLabels())).toList();
        }
        if (backends.size() != 1) {
            throw new AssertionError(rendering + ": Service " + name(service) + " should select one workload, selects " + backends);
        }
        Workload backend = backends.get(0);
        return Optional.of(new Endpoint(service, backend, backend.containerPort(targetPort)));
    }

    @Override
    public String toString() {
        return rendering.label();
    }
}
