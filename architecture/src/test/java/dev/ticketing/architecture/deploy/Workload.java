package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.at;
import static dev.ticketing.architecture.deploy.Yamls.mapAt;
import static dev.ticketing.architecture.deploy.Yamls.mapsAt;
import static dev.ticketing.architecture.deploy.Yamls.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Deployment or StatefulSet seen through its main container, with its environment resolved. */
final class Workload {

    /** One environment variable as the container gets it: a literal, or a reference to a Secret. */
    record EnvVar(String name, String value, String source, boolean fromSecret, boolean optional) {
    }

    final Map<String, Object> resource;
    final Map<String, Object> container;
    private final Cluster cluster;

    Workload(Cluster cluster, Map<String, Object> resource, Map<String, Object> container) {
        this.cluster = cluster;
        this.resource = resource;
        this.container = container;
    }

    static List<Map<String, Object>> containersOf(Map<String, Object> resource) {
        return mapsAt(resource, "spec.template.spec.containers");
    }

    String name() {
        return Yamls.name(resource);
    }

    Map<String, Object> podSpec() {
        return mapAt(resource, "spec.template.spec");
    }

    Map<String, Object> templateLabels() {
        return mapAt(resource, "spec.template.metadata.labels");
    }

    Map<String, Object> templateAnnotations() {
        return mapAt(resource, "spec.template.metadata.annotations");
    }

    int replicas() {
        Object replicas = at(resource, "spec.replicas");
        return replicas == null ? 1 : Integer.parseInt(text(replicas));
    }

    String image() {
        return text(container.get("image"));
    }

    /** A container port given by name or number, as a number; null when the container has no such port. */
    Integer containerPort(Object nameOrNumber) {
        String wanted = text(nameOrNumber);
        for (Map<String, Object> port : mapsAt(container, "ports")) {
            if (wanted.equals(text(port.get("name"))) || wanted.equals(text(port.get("containerPort")))) {
                return Integer.valueOf(text(port.get("containerPort")));
            }
        }
        return wanted.matches("\\d+") ? Integer.valueOf(wanted) : null;
    }

    boolean declaresContainerPort(int port) {
        return mapsAt(container, "ports").stream().anyMatch(p -> text(p.get("containerPort")).equals(String.valueOf(port)));
    }

    Map<String, Object> probe(String which) {
        return mapAt(container, which);
    }

    /**
     * The variables the container starts with: envFrom first, then env (which wins), with
     * ConfigMap references looked up in the rendered ConfigMaps. A reference that cannot be
     * resolved is a problem, reported by {@link #envProblems()}.
     */
    Map<String, EnvVar> env() {
        return resolveEnv(new ArrayList<>());
    }

    List<String> envProblems() {
        List<String> problems = new ArrayList<>();
        resolveEnv(problems);
        return problems;
    }

    private Map<String, EnvVar> resolveEnv(List<String> problems) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (Map<String, Object> from : mapsAt(container, "envFrom")) {
            Map<String, Object> configMapRef = mapAt(from, "configMapRef");
            if (!configMapRef.isEmpty()) {
                String configMap = text(configMapRef.get("name"));
                Map<String, Object> data = cluster.configMapData(configMap);
                if (data == null) {
                    problems.add("envFrom names ConfigMap " + configMap + ", which is not defined");
                    continue;
                }
                String prefix = from.containsKey("prefix") ? text(from.get("prefix")) : "";
                data.forEach((key, value) -> env.put(prefix + key,
                        new EnvVar(prefix + key, text(value), "ConfigMap " + configMap, false, false)));
            }
            if (from.containsKey("secretRef")) {
                problems.add("envFrom a Secret hides which variables it sets from these checks; use secretKeyRef per variable");
            }
        }
        for (Map<String, Object> var : mapsAt(container, "env")) {
            String name = text(var.get("name"));
            Map<String, Object> valueFrom = mapAt(var, "valueFrom");
            if (valueFrom.isEmpty()) {
                env.put(name, new EnvVar(name, text(var.get("value")), "literal", false, false));
                continue;
            }
            Map<String, Object> secret = mapAt(valueFrom, "secretKeyRef");
            Map<String, Object> configMapKey = mapAt(valueFrom, "configMapKeyRef");
            boolean optional = Boolean.TRUE.equals(secret.get("optional")) || Boolean.TRUE.equals(configMapKey.get("optional"));
            if (!secret.isEmpty()) {
                env.put(name, new EnvVar(name, null, "Secret " + secret.get("name") + "/" + secret.get("key"), true, optional));
            } else if (!configMapKey.isEmpty()) {
                String configMap = text(configMapKey.get("name"));
                String key = text(configMapKey.get("key"));
                Map<String, Object> data = cluster.configMapData(configMap);
                if (data == null || !data.containsKey(key)) {
                    if (!optional) {
                        problems.add(name + " refers to key " + key + " of ConfigMap " + configMap + ", which is not defined");
                    }
                    continue;
                }
                env.put(name, new EnvVar(name, text(data.get(key)), "ConfigMap " + configMap + "/" + key, false, optional));
            } else {
                env.put(name, new EnvVar(name, null, "valueFrom " + valueFrom.keySet(), false, false));
            }
        }
        return env;
    }

    @Override
    public String toString() {
        return Yamls.kind(resource) + " " + name();
    }
}
