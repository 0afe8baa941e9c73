package dev.ticketing.e2e.support;

import dev.ticketing.common.testing.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole Ticketing system of its own, started with {@code ./ticketing up} beside whatever else
 * runs on the machine: its own ports, databases ({@code ticketing_<service>_e2e_<run>}), NATS server
 * ({@code nats-server} on a free port, JetStream store in {@code e2e/target/nats-<run>}, so that a test
 * may stop and start it), stream and subjects, rate-limit keys, JWT key and state directory
 * ({@code e2e/target/ticketing}).
 * One is shared by every test class of the JVM ({@link #shared()}, or {@link EndToEnd} on a test
 * class); it is stopped, and its databases and stream deleted, when the tests end.
 *
 * <p>Every service runs as {@code e2e.replicas} replicas (default 2, the Kubernetes shape) behind
 * the gateway ({@code TICKETING_REPLICAS}); a method given a {@link Service} acts on all of its
 * replicas, one given a replica number on that {@link Instance} alone.
 *
 * <p>Settings (system properties, e.g. {@code mvn -pl e2e verify -De2e.orderExpirationSeconds=5}):
 * {@code e2e.replicas} (2), {@code e2e.orderExpirationSeconds} (15), {@code e2e.portBase} and
 * {@code e2e.gatewayPort} (free ports picked at random), {@code e2e.build} ({@code true}: let the launcher build missing or stale
 * jars; default: fail when one is missing), {@code e2e.keep} ({@code true}: leave the system
 * running after the tests, to look around), {@code e2e.upTimeoutSeconds} (600), and
 * {@code e2e.env.NAME=value} for any other variable the services read.
 */
public final class RunningSystem implements AutoCloseable {

    /** The build's version, from the poms (Surefire passes it), which the service jars' names carry. */
    static final String VERSION = System.getProperty("ticketing.version", "");
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static RunningSystem shared;

    private final Path repository;
    private final Path home;
    private final String run;
    private final int replicas;
    private final int portBase;
    private final Map<String, Integer> ports;
    private final int gatewayPort;
    private final Duration orderExpiration;
    private final String jwtKey;
    private final boolean build;
    private final boolean keep;
    private final Duration upTimeout;
    private final Map<String, String> environment;
    private final Launcher launcher;
    private final Api api;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ServerProcess nats;
    private volatile boolean up;

    private RunningSystem() {
        this.repository = findRepository();
        this.home = repository.resolve("e2e/target/ticketing");
        byte[] random = new byte[4];
        SecureRandom randomness = new SecureRandom();
        randomness.nextBytes(random);
        this.run = HexFormat.of().formatHex(random);
        this.replicas = Integer.getInteger("e2e.replicas", 2);
        if (replicas < 1 || replicas > 9) {
            throw new IllegalArgumentException("e2e.replicas must be from 1 to 9, not " + replicas);
        }
        PortPlan plan = freePorts(replicas);
        this.portBase = plan.base();
        this.gatewayPort = plan.gateway();
        this.ports = plan.ports();
        this.orderExpiration = Duration.ofSeconds(Long.getLong("e2e.orderExpirationSeconds", 15));
        byte[] key = new byte[32];
        randomness.nextBytes(key);
        this.jwtKey = "e2e-" + HexFormat.of().formatHex(key);
        this.build = Boolean.getBoolean("e2e.build");
        this.keep = Boolean.getBoolean("e2e.keep");
        this.upTimeout = Duration.ofSeconds(Long.getLong("e2e.upTimeoutSeconds", 600));
        this.nats = ServerProcess.nats(repository.resolve("e2e/target/nats-" + run), 0);
        this.environment = launcherEnvironment();
        this.launcher = new Launcher(repository, environment);
        this.api = new Api(baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "ticketing-e2e-down"));
    }

    /** The system every test class of this JVM shares, started on first use (and again after {@link #down()}). */
    public static RunningSystem shared() {
        RunningSystem system;
        synchronized (RunningSystem.class) {
            if (shared == null) {
                shared = new RunningSystem();
            }
            system = shared;
        }
        system.ensureUp();
        return system;
    }

    /** Stops the shared system and deletes its data, if one was started. */
    static void closeShared() {
        RunningSystem system;
        synchronized (RunningSystem.class) {
            system = shared;
        }
        if (system != null) {
            system.close();
        }
    }

    // ------------------------------------------------------------------ addresses and settings

    /** The gateway: {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + gatewayPort);
    }

    /** A client of the API through the gateway. */
    public Api api() {
        return api;
    }

    /** How many replicas of each service run (the gateway runs once). */
    public int replicas() {
        return replicas;
    }

    /** Every replica of a service, replica 1 first. */
    public List<Instance> instances(Service service) {
        List<Instance> instances = new ArrayList<>();
        for (int replica = 1; replica <= (service == Service.GATEWAY ? 1 : replicas); replica++) {
            instances.add(new Instance(service, replica));
        }
        return instances;
    }

    /** Every process {@code ./ticketing up} starts for this system. */
    public List<Instance> instances() {
        List<Instance> instances = new ArrayList<>();
        expectedServices().forEach(service -> instances.addAll(instances(service)));
        return instances;
    }

    /** The port of a service's first replica (the gateway's port for the gateway). */
    public int port(Service service) {
        return port(service, 1);
    }

    /** The port of one replica, as the launcher assigns it. */
    public int port(Service service, int replica) {
        return ports.get(instance(service, replica).id());
    }

    /** A service's first replica directly, bypassing the gateway (its actuator endpoints, for example). */
    public URI serviceUrl(Service service) {
        return serviceUrl(service, 1);
    }

    /** One replica directly, bypassing the gateway. */
    public URI serviceUrl(Service service, int replica) {
        return URI.create("http://127.0.0.1:" + port(service, replica));
    }

    public Duration orderExpiration() {
        return orderExpiration;
    }

    /** The key the services sign sessions with, to mint tokens for many users without signing each up. */
    public String jwtKey() {
        return jwtKey;
    }

    /** This system's own NATS server ({@code nats-server} started for the run, not the machine's). */
    public String natsUrl() {
        return nats.url();
    }

    /**
     * Stops this system's NATS server (TERM: it shuts down as an operator's stop would) and waits
     * until it is gone; the services keep running and reconnect once it is back.
     */
    public void stopNats() {
        nats.stop();
    }

    /** Starts this system's NATS server again, on the same port with the same JetStream store. */
    public void startNats() {
        nats.start();
    }

    public String stream() {
        return "E2E_" + run.toUpperCase(Locale.ROOT);
    }

    /** Put before every contract subject ({@code ticket.created}) on this system's stream. */
    public String subjectPrefix() {
        return "e2e_" + run + ".";
    }

    public String databaseName(Service service) {
        if (!service.hasDatabase()) {
            throw new IllegalArgumentException(service.id() + " has no database");
        }
        return "ticketing_" + service.id() + "_e2e_" + run;
    }

    public String databaseUrl(Service service) {
        return postgres() + databaseName(service);
    }

    /** A connection to a service's own database, to check what it stored. Close it. */
    public java.sql.Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(databaseUrl(service), env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
    }

    public Path repository() {
        return repository;
    }

    /** The launcher's state directory: {@code pids/}, {@code logs/}, {@code settings.env}. */
    public Path home() {
        return home;
    }

    /** The log of a service's first replica; {@link #logs(Service)} for all of them. */
    public Path log(Service service) {
        return log(service, 1);
    }

    /** The log of one replica ({@code logs/orders-2.log}). */
    public Path log(Service service, int replica) {
        return home.resolve("logs").resolve(instance(service, replica).id() + ".log");
    }

    /** The logs of every replica of a service. */
    public List<Path> logs(Service service) {
        return instances(service).stream().map(i -> log(service, i.replica())).toList();
    }

    /** Everything the launcher is run with; {@code ./ticketing <command>} with these reaches this system. */
    public Map<String, String> environment() {
        return environment;
    }

    // ------------------------------------------------------------------ processes

    /** The recorded process id of a service's first replica, if it is running. */
    public OptionalLong pid(Service service) {
        return pid(service, 1);
    }

    /** The recorded process id of one replica, if it is running. */
    public OptionalLong pid(Service service, int replica) {
        Path file = home.resolve("pids").resolve(instance(service, replica).id() + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid)
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The process ids of the replicas of a service that are running. */
    public Map<Instance, Long> pids(Service service) {
        Map<Instance, Long> pids = new LinkedHashMap<>();
        for (Instance instance : instances(service)) {
            pid(service, instance.replica()).ifPresent(pid -> pids.put(instance, pid));
        }
        return pids;
    }

    /** The process ids of every instance (each replica of each service) that is running. */
    public Map<Instance, Long> pids() {
        Map<Instance, Long> pids = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            pids.putAll(pids(service));
        }
        return pids;
    }

    /**
     * kill -9 of every replica of a service, as a crash of the whole service would; it stays down
     * until {@link #start} or {@link #restart}.
     */
    public void kill(Service service) {
        launcher("kill", service.id()).orThrow();
    }

    /**
     * kill -9 of one replica ({@code ./ticketing kill orders-2}); the others keep running. Replica 1
     * cannot be named alone while there are others (see {@link #alone}).
     */
    public void kill(Service service, int replica) {
        launcher("kill", alone(service, replica).id()).orThrow();
    }

    /** Stops every replica of a service gracefully (TERM, then KILL after a timeout). */
    public void stop(Service service) {
        launcher("stop", service.id()).orThrow();
    }

    /** Stops one replica gracefully (not replica 1 while there are others, see {@link #alone}). */
    public void stop(Service service, int replica) {
        launcher("stop", alone(service, replica).id()).orThrow();
    }

    /** Starts every stopped or killed replica of a service with the system's settings and waits until they are ready. */
    public void start(Service service) {
        launcher("start", service.id()).orThrow();
    }

    /** Starts one stopped or killed replica and waits until it is ready. */
    public void start(Service service, int replica) {
        launcher("start", instance(service, replica).id()).orThrow();
    }

    /** Stops every replica of a service gracefully, starts them again, and waits until they are ready. */
    public void restart(Service service) {
        launcher("restart", service.id()).orThrow();
    }

    /** Stops one replica gracefully, starts it again, and waits until it is ready (not replica 1 while there are others, see {@link #alone}). */
    public void restart(Service service, int replica) {
        launcher("restart", alone(service, replica).id()).orThrow();
    }

    /**
     * One replica, for a launcher command that must reach it alone. The launcher names replica 1
     * by the service's name, and a service's name means all of its replicas ({@code ./ticketing kill
     * orders} kills orders and orders-2; {@code orders-1} is no instance's name): replica 1 cannot be
     * stopped or killed alone while others run, so asking for it fails here instead of stopping them all.
     * (Starting is fine: {@code ./ticketing start orders} starts only the replicas that are not running.)
     */
    private Instance alone(Service service, int replica) {
        Instance instance = instance(service, replica);
        if (replica == 1 && replicas > 1) {
            throw new IllegalArgumentException("./ticketing cannot address " + instance.id()
                    + " alone: its name means every replica of " + service.id() + "; use replica 2 to " + replicas);
        }
        return instance;
    }

    private Instance instance(Service service, int replica) {
        if (replica > (service == Service.GATEWAY ? 1 : replicas)) {
            throw new IllegalArgumentException(service.id() + " runs " + (service == Service.GATEWAY ? 1 : replicas)
                    + " replica(s), not " + replica);
        }
        return new Instance(service, replica);
    }

    /** Runs any launcher command against this system, e.g. {@code launcher("status")}. */
    public Launcher.Result launcher(String... arguments) {
        return launcher.run(arguments[0].equals("up") ? upTimeout : COMMAND_TIMEOUT, arguments);
    }

    /** Starts whatever is not running (everything, the first time) and waits until all are ready. */
    public synchronized void ensureUp() {
        if (closed.get()) {
            throw new IllegalStateException("The end-to-end system was already shut down");
        }
        nats.start();
        if (up && pids().keySet().containsAll(instances())) {
            return;
        }
        if (!up) {
            requireJars();
            // a run that died without stopping its system left it running in the same directory
            launcher("down").orThrow();
        }
        launcher("up").orThrow();
        up = true;
    }

    /** {@code ./ticketing down}; the next {@link #shared()} starts the system again. */
    public synchronized void down() {
        launcher("down").orThrow();
        up = false;
    }

    /** Stops the system and deletes its databases and stream (unless {@code e2e.keep=true}). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (keep) {
            System.out.println("[e2e] leaving the system running at " + baseUrl() + " (e2e.keep=true); stop it with: "
                    + "TICKETING_HOME=" + home + " ./ticketing down; and its NATS server: kill " + nats.pid());
            return;
        }
        try {
            launcher.run(COMMAND_TIMEOUT, "down");
        } catch (RuntimeException e) {
            System.err.println("[e2e] ./ticketing down failed: " + e.getMessage());
        }
        dropDatabases();
        nats.stop();
        nats.deleteData();
    }

    // ------------------------------------------------------------------ set-up

    private Map<String, String> launcherEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TICKETING_HOME", home.toString());
        env.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("TICKETING_PORT_BASE", Integer.toString(portBase));
        env.put("TICKETING_REPLICAS", Integer.toString(replicas));
        env.put("TICKETING_DB_SUFFIX", "_e2e_" + run);
        env.put("NATS_URL", nats.url());
        env.put("NATS_STREAM", stream());
        env.put("NATS_SUBJECT_PREFIX", subjectPrefix());
        env.put("RATE_LIMIT_KEY_PREFIX", "e2e:" + run + ":");
        env.put("ORDER_EXPIRATION_SECONDS", Long.toString(orderExpiration.toSeconds()));
        env.put("JWT_KEY", jwtKey);
        // every test user signs up from 127.0.0.1; a test of the limit sets -De2e.env.RATE_LIMIT_ADDRESS_PER_MINUTE
        env.put("RATE_LIMIT_ADDRESS_PER_MINUTE", "100000");
        env.put("STRIPE_KEY", "");
        env.put("TICKETING_SKIP_BUILD", build ? "0" : "1");
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("e2e.env."))
                .forEach(name -> env.put(name.substring("e2e.env.".length()), System.getProperty(name)));
        return Map.copyOf(env);
    }

    private List<Service> expectedServices() {
        String selected = System.getenv("TICKETING_SERVICES");
        if (selected == null || selected.isBlank()) {
            return List.of(Service.values());
        }
        List<Service> services = new ArrayList<>();
        for (String name : selected.trim().split("\\s+")) {
            services.add(Service.valueOf(name.toUpperCase(Locale.ROOT)));
        }
        if (!services.contains(Service.GATEWAY)) {
            services.add(Service.GATEWAY);
        }
        return services;
    }

    private void requireJars() {
        if (build) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Service service : expectedServices()) {
            Path jar = repository.resolve(service.id()).resolve("target")
                    .resolve(service.id() + "-" + VERSION + "-exec.jar");
            if (!Files.isRegularFile(jar)) {
                missing.add(repository.relativize(jar).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The end-to-end tests run the packaged services, and these jars are missing: "
                    + missing + ". Run them with `mvn -B verify` from the repository root (which packages every "
                    + "service first), build with `mvn -B -DskipTests package`, or pass -De2e.build=true.");
        }
    }

    private void dropDatabases() {
        String suffix = "\\_e2e\\_" + run;
        try (java.sql.Connection c = DriverManager.getConnection(postgres() + "postgres", env("DB_USER", "postgres"),
                env("DB_PASSWORD", ""));
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'ticketing\\_%" + suffix + "'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String name : names) {
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("[e2e] could not drop the run's databases: " + e.getMessage());
        }
    }

    private String postgres() {
        return "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path findRepository() {
        String configured = System.getProperty("e2e.repository");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("ticketing")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("No ./ticketing launcher found in " + dir + " or above; set -De2e.repository");
    }

    /**
     * The ports of every instance and the gateway's: a port base and a gateway port the launcher's
     * own port map ({@code ./ticketing ports}) turns into ports that are all free; or the configured ones.
     */
    private PortPlan freePorts(int replicas) {
        Integer base = Integer.getInteger("e2e.portBase");
        Integer gateway = Integer.getInteger("e2e.gatewayPort");
        if (base != null) {
            return portPlan(replicas, base, gateway != null ? gateway : base + 9);
        }
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = 20_000 + random.nextInt(3_900) * 10;
            PortPlan plan = portPlan(replicas, candidate, gateway != null ? gateway : candidate + 9);
            if (plan.ports().values().stream().allMatch(RunningSystem::free)) {
                return plan;
            }
        }
        throw new IllegalStateException("Found no free ports for the end-to-end system");
    }

    /** The launcher's settings for the ports, and the port of every instance (and {@code gateway-management}) they give. */
    private record PortPlan(int base, int gateway, Map<String, Integer> ports) {
    }

    private PortPlan portPlan(int replicas, int base, int gateway) {
        Launcher.Result result = new Launcher(repository, Map.of("TICKETING_HOME", home.toString(),
                "TICKETING_PORT_BASE", Integer.toString(base), "GATEWAY_PORT", Integer.toString(gateway),
                "TICKETING_REPLICAS", Integer.toString(replicas))).run(Duration.ofSeconds(30), "ports").orThrow();
        Map<String, Integer> ports = new LinkedHashMap<>();
        result.output().lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] nameAndPort = line.split("\\s+");
            ports.put(nameAndPort[0], Integer.parseInt(nameAndPort[1]));
        });
        return new PortPlan(base, gateway, ports);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Ticketing at " + baseUrl() + " (run " + run + ", " + replicas + " replica(s) of each service, state in "
                + home + ")";
    }
}
