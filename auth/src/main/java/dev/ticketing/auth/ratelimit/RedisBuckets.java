package dev.ticketing.auth.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j buckets in Redis, failing open: when Redis cannot be reached the caller gets no answer
 * and serves the request unlimited, counted in {@value #UNAVAILABLE_METRIC} and logged at most
 * once a minute. A request never waits for Redis longer than the short command timeout: a dropped
 * connection rejects commands at once (Lettuce reconnects by itself), and when there was never a
 * connection, connecting is retried in the background every few seconds.
 */
final class RedisBuckets implements AutoCloseable {

    static final String UNAVAILABLE_METRIC = "auth.rate.limit.unavailable";
    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);
    /** Connecting includes a handshake, slower than a command; it never happens on a request's thread. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A bucket's key expires once the bucket would be full again anyway, plus a margin. */
    private static final Duration KEY_MARGIN = Duration.ofSeconds(10);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final Clock clock;
    private final Counter unavailable;
    private final ExecutorService connector = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "redis-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean connectScheduled = new AtomicBoolean();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>();

    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile Instant nextConnect = Instant.MIN;
    private volatile boolean degraded;

    RedisBuckets(String redisUrl, Duration timeout, Clock clock, MeterRegistry meters) {
        this.uri = RedisURI.create(redisUrl);
        this.uri.setTimeout(CONNECT_TIMEOUT);
        this.timeout = timeout;
        this.clock = clock;
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.unavailable = Counter.builder(UNAVAILABLE_METRIC)
                .description("Sign-in and sign-up attempts served without rate limiting because Redis was unavailable")
                .register(meters);
        connect();
    }

    /** The operation's result (empty if it is null), or empty when Redis is unavailable (then logged and counted). */
    <T> Optional<T> apply(Function<ProxyManager<String>, T> operation) {
        ProxyManager<String> proxies = buckets;
        if (proxies == null) {
            connectInTheBackground();
            unavailable(null);
            return Optional.empty();
        }
        try {
            T result = operation.apply(proxies);
            if (degraded) {
                degraded = false;
                log.info("Redis at {}:{} answers again; rate limiting resumed", uri.getHost(), uri.getPort());
            }
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            unavailable(e);
            return Optional.empty();
        }
    }

    private void connectInTheBackground() {
        if (!clock.instant().isBefore(nextConnect) && connectScheduled.compareAndSet(false, true)) {
            connector.execute(() -> {
                try {
                    connect();
                } finally {
                    connectScheduled.set(false);
                }
            });
        }
    }

    private synchronized void connect() {
        if (buckets != null) {
            return;
        }
        nextConnect = clock.instant().plus(RECONNECT_EVERY);
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            connection.setTimeout(timeout);
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEY_MARGIN))
                    .requestTimeout(timeout)
                    .build();
            degraded = false;
            log.info("Rate limiting with buckets in Redis at {}:{}", uri.getHost(), uri.getPort());
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    private void unavailable(RuntimeException cause) {
        unavailable.increment();
        warn(cause);
    }

    private void warn(RuntimeException cause) {
        Instant now = clock.instant();
        Instant last = lastWarning.get();
        if ((last == null || !now.isBefore(last.plus(WARN_EVERY))) && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis at {}:{} is unavailable ({}); serving sign-in and sign-up without rate limits",
                    uri.getHost(), uri.getPort(), cause == null ? "not connected" : describe(cause));
            // so the recovery is logged once per warning, however often a flaky Redis comes and goes
            degraded = true;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        connector.shutdownNow();
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
