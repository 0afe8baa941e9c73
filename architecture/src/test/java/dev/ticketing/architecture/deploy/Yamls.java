package dev.ticketing.architecture.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading YAML files (several documents each) and walking the maps they become. */
final class Yamls {

    private Yamls() {
    }

    /** Every non-empty document of a file, as maps. */
    static List<Map<String, Object>> documents(Path file) {
        return documents(Repo.read(file), file.toString());
    }

    /** Every non-empty document of YAML text (a file, or what a command printed), as maps. */
    static List<Map<String, Object>> documents(String yaml, String source) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc != null) {
                docs.add(map(doc, source));
            }
        }
        return docs;
    }

    static Map<String, Object> single(Path file) {
        List<Map<String, Object>> docs = documents(file);
        if (docs.size() != 1) {
            throw new AssertionError(file + " should hold one YAML document, holds " + docs.size());
        }
        return docs.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new AssertionError(what + " should be a mapping, is " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new AssertionError(what + " should be a list, is " + value);
    }

    /** The value at a dotted path ("spec.template.spec"), or null where any step is missing. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(step);
        }
        return current;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String path) {
        Object value = at(root, path);
        return value == null ? Map.of() : map(value, path);
    }

    static List<Map<String, Object>> mapsAt(Map<String, Object> root, String path) {
        return list(at(root, path), path).stream().map(item -> map(item, path + " item")).toList();
    }

    /** Scalars as the strings Kubernetes sees (YAML may read 3001 as a number, "3001" as text). */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static String name(Map<String, Object> resource) {
        return text(at(resource, "metadata.name"));
    }

    static String kind(Map<String, Object> resource) {
        return text(resource.get("kind"));
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }
}
