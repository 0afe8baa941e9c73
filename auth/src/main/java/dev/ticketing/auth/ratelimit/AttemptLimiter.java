package dev.ticketing.auth.ratelimit;

import dev.ticketing.common.web.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The limits on sign-in and sign-up: every attempt spends from its client address's budget
 * (sign-in and sign-up together), and every attempt on one email spends from that email's budget
 * until it succeeds, when the token is given back. So a user who signs in correctly is never
 * limited by their own email, while guessing one account's password, or probing which emails are
 * registered, is.
 */
public class AttemptLimiter {

    public static final String TOO_MANY_ATTEMPTS = "Too many attempts, try again later";
    static final String REJECTED_METRIC = "auth.rate.limit.rejected";
    private static final Logger log = LoggerFactory.getLogger(AttemptLimiter.class);

    /** What is being attempted; each has its own per-email budget. */
    public enum Action {
        SIGN_IN("signin"), SIGN_UP("signup");

        private final String key;

        Action(String key) {
            this.key = key;
        }
    }

    /** An attempt that passed the limits; tell it when it succeeded so the email's token comes back. */
    public interface Attempt {
        Attempt UNLIMITED = () -> { };

        void succeeded();
    }

    private final RateLimitProperties properties;
    private final RedisBuckets buckets;
    private final Supplier<BucketConfiguration> perAddress;
    private final Supplier<BucketConfiguration> perEmail;
    private final Counter rejectedByAddress;
    private final Counter rejectedByEmail;

    AttemptLimiter(RateLimitProperties properties, RedisBuckets buckets, MeterRegistry meters) {
        this.properties = properties;
        this.buckets = buckets;
        BucketConfiguration address = perMinute(properties.addressPerMinute());
        BucketConfiguration email = perMinute(properties.emailPerMinute());
        this.perAddress = () -> address;
        this.perEmail = () -> email;
        this.rejectedByAddress = rejected(meters, "address");
        this.rejectedByEmail = rejected(meters, "email");
    }

    /**
     * Spends one attempt of {@code address} and of {@code email} for {@code action}.
     *
     * @throws ApiException 429 when either budget is spent
     */
    public Attempt begin(Action action, String address, String email) {
        if (!properties.enabled()) {
            return Attempt.UNLIMITED;
        }
        if (!tryConsume(properties.keyPrefix() + "address:" + address, perAddress)) {
            rejectedByAddress.increment();
            log.debug("Too many {} attempts from {}", action.key, address);
            throw tooManyAttempts();
        }
        String emailKey = properties.keyPrefix() + action.key + ":email:" + digest(email);
        if (!tryConsume(emailKey, perEmail)) {
            rejectedByEmail.increment();
            log.debug("Too many {} attempts on one email (from {})", action.key, address);
            throw tooManyAttempts();
        }
        return () -> buckets.apply(proxies -> {
            proxies.builder().build(emailKey, perEmail).addTokens(1);
            return null;
        });
    }

    private boolean tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.apply(proxies -> proxies.builder().build(key, configuration).tryConsume(1)).orElse(true);
    }

    private static ApiException tooManyAttempts() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS);
    }

    /** The whole budget comes back a minute after the bucket was made, not a token every few seconds. */
    private static BucketConfiguration perMinute(int attempts) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, Duration.ofMinutes(1)))
                .build();
    }

    private static Counter rejected(MeterRegistry meters, String limit) {
        return Counter.builder(REJECTED_METRIC)
                .description("Sign-in and sign-up attempts refused with 429")
                .tag("limit", limit)
                .register(meters);
    }

    /** Emails are personal data: the keys in Redis carry only their hash. */
    private static String digest(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
