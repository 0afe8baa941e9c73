package dev.ticketing.architecture.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Configuration table and the settings the code reads stay in step. A setting is
 * read as an environment-variable placeholder ({@code ${NAME:default}}) in a module's
 * application.yml or properties files, or, through Spring's relaxed binding, as the variable
 * named after a key those files set or after a component of a {@code @ConfigurationProperties}
 * record ({@code nats.max-age} from {@code NATS_MAX_AGE}).
 */
class ConfigurationTableTest {

    /** Variables that a library reads itself, with nothing of ours naming them. */
    private static final Map<String, String> READ_BY_LIBRARIES = Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "Spring Boot's OpenTelemetry support maps the OTEL_* variables to its settings");

    private static final Pattern README_SECTION = Pattern.compile("(?ms)^## Configuration\\R(.*?)(?=^## |\\z)");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\|([^|]*)\\|");
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
    private static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\"([^\"]+)\"\\).*?\\brecord\\s+\\w+\\s*\\(", Pattern.DOTALL);
    private static final Pattern LAST_WORD = Pattern.compile("(\\w+)\\s*$");

    @Test
    void everySettingTheCodeReadsIsInTheReadmeTable() {
        Set<String> read = new TreeSet<>(placeholders());
        Set<String> setInFiles = keysSetInFiles();
        for (String key : recordKeys()) {
            // a key the files set is read under the placeholder's name, not its own
            if (setInFiles.stream().noneMatch(set -> set.equals(key) || set.startsWith(key + "."))) {
                read.add(variableFor(key));
            }
        }
        read.removeAll(table());

        assertThat(read).as("settings read by the code but missing from the README's Configuration table").isEmpty();
    }

    @Test
    void everySettingInTheReadmeTableIsReadByTheCode() {
        Set<String> read = new TreeSet<>(placeholders());
        keysSetInFiles().forEach(key -> read.add(variableFor(key)));
        recordKeys().forEach(key -> read.add(variableFor(key)));
        read.addAll(READ_BY_LIBRARIES.keySet());
        Set<String> documented = new TreeSet<>(table());
        documented.removeAll(read);

        assertThat(documented).as("settings in the README's Configuration table that nothing reads").isEmpty();
    }

    /** The variables named in the first column of the README's Configuration table. */
    private static Set<String> table() {
        Matcher section = README_SECTION.matcher(Repo.read(Repo.ROOT.resolve("README.md")));
        assertThat(section.find()).as("README.md has a ## Configuration section").isTrue();
        Set<String> names = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(section.group(1));
        while (row.find()) {
            Matcher variable = VARIABLE.matcher(row.group(1));
            while (variable.find()) {
                names.add(variable.group(1));
            }
        }
        assertThat(names).as("variables in the README's Configuration table").isNotEmpty();
        return names;
    }

    /**
     * Every UPPER_SNAKE placeholder in the modules' settings files, nested ones included; names in
     * lower case ({@code ${spring.application.name}}) refer to other properties, not to the environment.
     */
    private static Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        for (Path file : settingsFiles()) {
            for (String value : settings(file).values()) {
                collect(Placeholder.in(value), names);
            }
        }
        assertThat(names).as("placeholders in the modules' settings files").isNotEmpty();
        return names;
    }

    private static void collect(List<Placeholder> placeholders, Set<String> names) {
        for (Placeholder placeholder : placeholders) {
            if (placeholder.isEnvironmentVariable()) {
                names.add(placeholder.name());
            }
            collect(placeholder.nested(), names);
        }
    }

    private static Set<String> keysSetInFiles() {
        Set<String> keys = new TreeSet<>();
        settingsFiles().forEach(file -> keys.addAll(settings(file).keySet()));
        return keys;
    }

    /** The keys of every {@code @ConfigurationProperties} record's components: {@code nats.max-age}. */
    private static Set<String> recordKeys() {
        Set<String> keys = new TreeSet<>();
        for (Path source : files("src/main/java", ".java")) {
            String code = Repo.read(source);
            Matcher record = PROPERTIES_RECORD.matcher(code);
            while (record.find()) {
                for (String component : components(code, record.end())) {
                    keys.add(record.group(1) + "." + kebab(component));
                }
            }
        }
        assertThat(keys).as("components of @ConfigurationProperties records").isNotEmpty();
        return keys;
    }

    /**
     * The names of a record's components, from just after the parenthesis that opens them: each
     * ends at a comma outside an annotation's parentheses or a type's angle brackets.
     */
    private static List<String> components(String code, int start) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder component = new StringBuilder();
        for (int i = start; depth >= 0; i++) {
            char c = code.charAt(i);
            depth += c == '(' || c == '<' ? 1 : c == ')' || c == '>' ? -1 : 0;
            if ((c == ',' && depth == 0) || depth < 0) {
                Matcher name = LAST_WORD.matcher(component);
                if (name.find()) {
                    names.add(name.group(1));
                }
                component.setLength(0);
            } else {
                component.append(c);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** The environment variable Spring binds to a key: {@code nats.max-age} from {@code NATS_MAX_AGE}. */
    private static String variableFor(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /** Every module's application*.yml and *.properties under src/main/resources. */
    private static List<Path> settingsFiles() {
        List<Path> files = new ArrayList<>(files("src/main/resources", ".properties"));
        files("src/main/resources", ".yml").stream()
                .filter(f -> f.getFileName().toString().startsWith("application"))
                .forEach(files::add);
        assertThat(files).as("settings files of the modules").isNotEmpty();
        return files;
    }

    private static List<Path> files(String folder, String suffix) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Repo.ROOT)) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).sorted().toList()) {
                Path dir = module.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.filter(f -> f.toString().endsWith(suffix)).sorted().forEach(found::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A settings file as keys (dotted, as Spring reads them) and their values as written. */
    private static Map<String, String> settings(Path file) {
        Map<String, String> flat = new TreeMap<>();
        if (file.toString().endsWith(".properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(Repo.read(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.stringPropertyNames().forEach(key -> flat.put(key, properties.getProperty(key)));
        } else {
            Yamls.documents(file).forEach(document -> flatten("", document, flat));
        }
        return flat;
    }

    private static void flatten(String key, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(key.isEmpty() ? String.valueOf(k) : key + "." + k, v, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(key + "[" + i + "]", list.get(i), flat);
            }
        } else if (value != null) {
            flat.put(key, String.valueOf(value));
        }
    }
}
