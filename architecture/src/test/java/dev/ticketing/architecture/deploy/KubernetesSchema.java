package dev.ticketing.architecture.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an object as the API server would decode it, offline: against the models of the official
 * Kubernetes client, generated from the API's OpenAPI schema (see the client-java-api version in
 * the root pom). An unknown kind, an unknown field at any depth, a missing required field or a
 * value of the wrong type is a problem.
 */
final class KubernetesSchema {

    /**
     * The API group of each kind used here. The models are named by version and kind only
     * ({@code V1Deployment}), so the group is checked against this table; a kind not in it is
     * reported, to be added here once its group is known.
     */
    private static final Map<String, String> GROUPS = Map.of(
            "ConfigMap", "", "Secret", "", "Service", "", "PersistentVolumeClaim", "",
            "Deployment", "apps", "StatefulSet", "apps",
            "Ingress", "networking.k8s.io", "PodDisruptionBudget", "policy",
            "HorizontalPodAutoscaler", "autoscaling");
    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private KubernetesSchema() {
    }

    /** What the API server would refuse in this object; empty when it would accept it. */
    static List<String> problemsOf(Map<String, Object> object) {
        String what = Yamls.kind(object) + " " + Yamls.name(object);
        String apiVersion = Yamls.text(object.get("apiVersion"));
        String kind = Yamls.kind(object);
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (!GROUPS.containsKey(kind)) {
            return List.of(what + ": kind " + kind + " is not known to these checks (add its group to KubernetesSchema)");
        }
        if (!GROUPS.get(kind).equals(group)) {
            return List.of(what + ": " + kind + " is in API group '" + GROUPS.get(kind) + "', not '" + group + "'");
        }
        Class<?> model;
        try {
            model = Class.forName(MODELS + version.substring(0, 1).toUpperCase(Locale.ROOT) + version.substring(1) + kind);
        } catch (ClassNotFoundException e) {
            return List.of(what + ": " + apiVersion + " has no kind " + kind + " in Kubernetes 1.32");
        }
        Gson gson = JSON.getGson();
        JsonElement json = gson.toJsonTree(object);
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
            Object decoded = gson.fromJson(json, model);
            List<String> problems = new ArrayList<>();
            compare(json, gson.toJsonTree(decoded), what, problems);
            return problems;
        } catch (InvocationTargetException e) {
            // the model's message ends with the whole object as JSON: the first sentence names the field
            return List.of(what + ": " + e.getCause().getMessage().replaceFirst("(?s)(\\. JSON: | in the JSON string: ).*", ""));
        } catch (JsonParseException | IllegalArgumentException e) {
            return List.of(what + ": " + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " is not a generated Kubernetes model", e);
        }
    }

    /**
     * What decoding lost or changed: a field the model does not have, or a scalar of another type
     * (Gson would read {@code "2"} as the number 2, the API server refuses it). Quantities are
     * compared by value, since the model writes them in canonical form ({@code 0.5} as {@code 500m}).
     */
    private static void compare(JsonElement written, JsonElement decoded, String path, List<String> problems) {
        if (written.isJsonObject()) {
            for (var field : written.getAsJsonObject().entrySet()) {
                JsonElement kept = decoded.isJsonObject() ? decoded.getAsJsonObject().get(field.getKey()) : null;
                if (kept == null) {
                    problems.add(path + "." + field.getKey() + ": not a field of this object");
                } else {
                    compare(field.getValue(), kept, path + "." + field.getKey(), problems);
                }
            }
        } else if (written.isJsonArray()) {
            for (int i = 0; i < written.getAsJsonArray().size(); i++) {
                JsonElement kept = decoded.isJsonArray() && i < decoded.getAsJsonArray().size()
                        ? decoded.getAsJsonArray().get(i) : null;
                if (kept == null) {
                    problems.add(path + "[" + i + "]: lost in decoding");
                } else {
                    compare(written.getAsJsonArray().get(i), kept, path + "[" + i + "]", problems);
                }
            }
        } else if (written.isJsonPrimitive() && !written.equals(decoded) && !sameQuantity(written, decoded)) {
            problems.add(path + ": " + written + " is not of the field's type (read as " + decoded + ")");
        }
    }

    private static boolean sameQuantity(JsonElement written, JsonElement decoded) {
        if (!(decoded instanceof JsonPrimitive d) || !d.isString()) {
            return false;
        }
        try {
            return new Quantity(written.getAsString()).getNumber().compareTo(new Quantity(d.getAsString()).getNumber()) == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
