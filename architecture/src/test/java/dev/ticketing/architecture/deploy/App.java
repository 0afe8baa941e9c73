package dev.ticketing.architecture.deploy;

import static dev.ticketing.architecture.deploy.Yamls.at;
import static dev.ticketing.architecture.deploy.Yamls.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a module's own files say it needs at run time: its pom, its application.yml and its
 * sources. Where a module's application.yml or sources do not exist yet, the system's agreed
 * facts (ports, which services own a database or use NATS) stand in for them.
 */
final class App {

    private static final Map<String, Integer> AGREED_PORTS = Map.of("client", 3000, "auth", 3001, "tickets", 3002,
            "orders", 3003, "payments", 3004, "expiration", 3005, "gateway", 8080);
    private static final List<String> AGREED_WITH_DATABASE = List.of("auth", "tickets", "orders", "payments", "expiration");
    private static final List<String> AGREED_WITH_MESSAGING = List.of("tickets", "orders", "payments", "expiration");
    private static final Map<String, App> CACHE = new ConcurrentHashMap<>();

    final String module;
    final Path dir;
    private final String pom;
    private final Map<String, Object> yml;
    private final String sources;

    private App(String module) {
        this.module = module;
        this.dir = Repo.ROOT.resolve(module);
        this.pom = Repo.read(dir.resolve("pom.xml"));
        Path application = dir.resolve("src/main/resources/application.yml");
        this.yml = Files.isRegularFile(application) ? Yamls.single(application) : null;
        this.sources = readSources(dir.resolve("src/main/java"));
    }

    static App of(String module) {
        return CACHE.computeIfAbsent(module, App::new);
    }

    String artifactId() {
        Matcher m = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL).matcher(pom);
        if (!m.find()) {
            throw new AssertionError(module + "/pom.xml names no artifactId");
        }
        return m.group(1).trim();
    }

    /** The image Jib builds for this module: the root pom's {@code <to><image>}, for this artifactId. */
    String image() {
        Matcher m = Pattern.compile("<artifactId>jib-maven-plugin</artifactId>.*?<to>\\s*<image>([^<]+)</image>", Pattern.DOTALL)
                .matcher(Repo.read(Repo.ROOT.resolve("pom.xml")));
        if (!m.find()) {
            throw new AssertionError("the root pom configures no Jib target image");
        }
        return m.group(1).trim().replace("${project.artifactId}", artifactId());
    }

    boolean buildsAnImageWithJib() {
        return pom.contains("<artifactId>jib-maven-plugin</artifactId>");
    }

    boolean dependsOnCommon() {
        return pom.contains("<artifactId>common</artifactId>");
    }

    boolean hasActuator() {
        return dependsOnCommon() || pom.contains("<artifactId>spring-boot-starter-actuator</artifactId>");
    }

    boolean probesEnabled() {
        return "true".equals(setting("management.endpoint.health.probes.enabled"));
    }

    boolean hasDatabase() {
        return yml == null ? AGREED_WITH_DATABASE.contains(module) : at(yml, "spring.datasource.url") != null;
    }

    /** The database named by the datasource URL's default, e.g. ticketing_tickets. */
    String databaseName() {
        String url = yml == null ? "jdbc:postgresql://127.0.0.1:5432/ticketing_" + module
                : Placeholder.resolve(text(at(yml, "spring.datasource.url")), name -> null);
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    boolean usesMessaging() {
        return sources.isEmpty() ? AGREED_WITH_MESSAGING.contains(module) : sources.contains("@EnableMessaging");
    }

    /** server.port as written: a placeholder such as ${PORT:3001}, or a number. */
    String serverPortSetting() {
        if (yml == null) {
            return "${PORT:" + AGREED_PORTS.get(module) + "}";
        }
        Object port = at(yml, "server.port");
        return port == null ? "8080" : text(port);
    }

    /** The port the application listens on, given the container's environment. */
    int port(Map<String, Workload.EnvVar> env) {
        String port = Placeholder.resolve(serverPortSetting(), Placeholder.lookupIn(env));
        if (port == null) {
            throw new AssertionError(module + ": server.port " + serverPortSetting() + " cannot be resolved from the Deployment");
        }
        return Integer.parseInt(port.trim());
    }

    /** The port actuator answers on: management.server.port when set, else the application's. */
    int managementPort(Map<String, Workload.EnvVar> env) {
        Object management = yml == null ? null : at(yml, "management.server.port");
        return management == null ? port(env) : Integer.parseInt(Placeholder.resolve(text(management), Placeholder.lookupIn(env)));
    }

    String actuatorBasePath() {
        String base = setting("management.endpoints.web.base-path");
        return base == null ? "/actuator" : base;
    }

    /** How long the application may take to shut down gracefully (Spring's default is 30 s). */
    Duration shutdownTimeout() {
        String timeout = setting("spring.lifecycle.timeout-per-shutdown-phase");
        return timeout == null ? Duration.ofSeconds(30) : duration(timeout);
    }

    /** Every environment-variable placeholder in application.yml, outermost first. */
    List<Placeholder> environmentPlaceholders() {
        List<Placeholder> found = new ArrayList<>();
        if (yml != null) {
            collect(yml, found);
        }
        return found.stream().filter(Placeholder::isEnvironmentVariable).toList();
    }

    /** The gateway's routes, as written in its application.yml. */
    List<Map<String, Object>> gatewayRoutes() {
        return yml == null ? List.of() : Yamls.mapsAt(yml, "spring.cloud.gateway.server.webmvc.routes");
    }

    /** Where the gateway's {@code lb://<service>} routes go: its configured upstream, with placeholders. */
    String gatewayUpstream(String service) {
        return yml == null ? null : text(at(yml, "gateway.upstreams." + service));
    }

    /** A setting from application.yml, else from common's shared defaults when the module uses common. */
    private String setting(String key) {
        Object own = yml == null ? null : at(yml, key);
        if (own != null) {
            return text(own);
        }
        return dependsOnCommon() ? commonDefaults().getProperty(key) : null;
    }

    private static Properties commonDefaults() {
        Properties defaults = new Properties();
        try {
            defaults.load(new StringReader(Repo.read(Repo.ROOT.resolve("common/src/main/resources/ticketing-service-defaults.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }

    private static void collect(Object value, List<Placeholder> found) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, found));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collect(v, found));
        } else if (value instanceof String s) {
            found.addAll(Placeholder.in(s));
        }
    }

    static Duration duration(String text) {
        Matcher m = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?").matcher(text.trim());
        if (!m.matches()) {
            throw new AssertionError("not a duration: " + text);
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    private static String readSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> all.append(Repo.read(f)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return module;
    }
}
