package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.kind;
import static dev.ticketing.architecture.deploy.Yamls.name;
import static dev.ticketing.architecture.deploy.Yamls.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a kustomization offline, as {@code kubectl kustomize} would, for the features these
 * manifests use: resources (files and folders), strategic-merge patches from files (including
 * {@code $patch: delete}), replicas and images. Anything else in a kustomization.yaml is reported, so that using a new feature means
 * teaching it here first rather than checking something other than what gets deployed.
 */
final class Kustomize {

    /** Fields that change nothing these checks look at (labels are applied consistently). */
    private static final Set<String> IGNORED = Set.of("apiVersion", "kind", "labels", "commonLabels", "commonAnnotations", "namespace");
    private static final Set<String> UNDERSTOOD = Set.of("resources", "patches", "patchesStrategicMerge", "replicas", "images");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    /** The resources a kustomization produces, and what stood in the way of building it faithfully. */
    record Rendering(String label, List<Map<String, Object>> resources, List<String> problems) {
        @Override
        public String toString() {
            return label;
        }
    }

    private Kustomize() {
    }

    static Rendering render(Path dir) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> resources = build(dir, problems);
        return new Rendering(Repo.label(dir), resources, problems);
    }

    /** Every file a kustomization names, whether it exists or not. */
    static List<Path> referencedFiles(Path dir) {
        Map<String, Object> k = Yamls.single(dir.resolve("kustomization.yaml"));
        List<Path> files = new ArrayList<>();
        for (Object entry : Yamls.list(k.get("resources"), "resources")) {
            files.add(dir.resolve(text(entry)).normalize());
        }
        for (Object entry : Yamls.list(k.get("patchesStrategicMerge"), "patchesStrategicMerge")) {
            files.add(dir.resolve(text(entry)).normalize());
        }
        for (Object entry : Yamls.list(k.get("patches"), "patches")) {
            Object path = Yamls.map(entry, "patch").get("path");
            if (path != null) {
                files.add(dir.resolve(text(path)).normalize());
            }
        }
        return files;
    }

    private static List<Map<String, Object>> build(Path dir, List<String> problems) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(dir + " has no kustomization.yaml");
            return List.of();
        }
        Map<String, Object> k = Yamls.single(file);
        for (String field : k.keySet()) {
            if (!IGNORED.contains(field) && !UNDERSTOOD.contains(field)) {
                problems.add(file + ": '" + field + "' is not understood by the offline checks (teach Kustomize.java)");
            }
        }

        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Yamls.list(k.get("resources"), "resources")) {
            Path target = dir.resolve(text(entry)).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target, problems));
            } else if (Files.isRegularFile(target)) {
                for (Map<String, Object> doc : Yamls.documents(target)) {
                    resources.add(doc);
                }
            } else {
                problems.add(file + ": resource " + entry + " does not exist");
            }
        }

        List<Path> patchFiles = new ArrayList<>();
        for (Object entry : Yamls.list(k.get("patchesStrategicMerge"), "patchesStrategicMerge")) {
            patchFiles.add(dir.resolve(text(entry)).normalize());
        }
        for (Object entry : Yamls.list(k.get("patches"), "patches")) {
            Map<String, Object> patch = Yamls.map(entry, "patch");
            if (patch.containsKey("target") || patch.containsKey("patch") || !patch.containsKey("path")) {
                problems.add(file + ": only patches given by 'path' alone are understood by the offline checks: " + patch);
                continue;
            }
            patchFiles.add(dir.resolve(text(patch.get("path"))).normalize());
        }
        for (Path patchFile : patchFiles) {
            if (!Files.isRegularFile(patchFile)) {
                problems.add(file + ": patch " + patchFile + " does not exist");
                continue;
            }
            for (Map<String, Object> patch : Yamls.documents(patchFile)) {
                Map<String, Object> target = find(resources, kind(patch), name(patch));
                if (target == null) {
                    problems.add(patchFile + " patches " + kind(patch) + " " + name(patch) + ", which the resources do not define");
                } else if ("delete".equals(patch.get("$patch"))) {
                    resources.remove(target);
                } else {
                    merge(target, patch);
                }
            }
        }

        for (Object entry : Yamls.list(k.get("replicas"), "replicas")) {
            Map<String, Object> replicas = Yamls.map(entry, "replicas");
            List<Map<String, Object>> scaled = resources.stream()
                    .filter(r -> SCALABLE.contains(kind(r)) && text(replicas.get("name")).equals(name(r))).toList();
            if (scaled.isEmpty()) {
                problems.add(file + ": replicas for " + replicas.get("name") + ", which is no Deployment or StatefulSet");
            }
            scaled.forEach(r -> Yamls.mapAt(r, "spec").put("replicas", replicas.get("count")));
        }

        for (Object entry : Yamls.list(k.get("images"), "images")) {
            Map<String, Object> image = Yamls.map(entry, "images");
            for (Map<String, Object> resource : resources) {
                for (Map<String, Object> container : Workload.containersOf(resource)) {
                    String current = text(container.get("image"));
                    if (Images.repository(current).equals(text(image.get("name")))) {
                        String repository = image.containsKey("newName") ? text(image.get("newName")) : Images.repository(current);
                        String tag = image.containsKey("newTag") ? ":" + image.get("newTag") : Images.tagPart(current);
                        String digest = image.containsKey("digest") ? "@" + image.get("digest") : "";
                        container.put("image", repository + (digest.isEmpty() ? tag : digest));
                    }
                }
            }
        }
        return resources;
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(kind(r)) && name.equals(name(r))).findFirst().orElse(null);
    }

    /**
     * A strategic merge as far as these manifests need it: maps merge key by key, lists whose
     * items all have a name (containers, env, ports, volumes) merge item by item, other lists
     * are replaced, and null deletes.
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object current = target.get(e.getKey());
            Object change = e.getValue();
            if (change == null) {
                target.remove(e.getKey());
            } else if (current instanceof Map<?, ?> c && change instanceof Map<?, ?> p) {
                merge((Map<String, Object>) c, (Map<String, Object>) p);
            } else if (current instanceof List<?> c && change instanceof List<?> p && named(c) && named(p)) {
                mergeByName((List<Object>) c, (List<Object>) p);
            } else {
                target.put(e.getKey(), Yamls.deepCopy(change));
            }
        }
    }

    private static boolean named(List<?> items) {
        return !items.isEmpty() && items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    private static void mergeByName(List<Object> target, List<Object> patch) {
        Map<Object, Map<String, Object>> byName = new LinkedHashMap<>();
        target.forEach(item -> byName.put(((Map<String, Object>) item).get("name"), (Map<String, Object>) item));
        for (Object item : patch) {
            Map<String, Object> change = (Map<String, Object>) item;
            Map<String, Object> existing = byName.get(change.get("name"));
            if (existing == null) {
                target.add(Yamls.deepCopy(change));
            } else {
                merge(existing, change);
            }
        }
    }
}
