package dev.ticketing.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.auth.support.AuthHttpTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-in and sign-up are limited per email and per client address, with the default limits. */
class RateLimitTest extends AuthHttpTest {

    private static final String TOO_MANY = "Too many attempts, try again later";

    @Autowired
    RateLimitProperties properties;

    @Autowired
    MeterRegistry meters;

    @Test
    void tenFailedSignInsOfOneEmailLockItForAWhileWhateverTheAddress() {
        String email = newEmail();
        signUp(email, "secret");

        for (int i = 0; i < 10; i++) {
            Reply failed = post("/api/users/signin", credentials(email, "wrong"));
            assertThat(failed.status()).as("attempt %d", i + 1).isEqualTo(400);
        }
        Reply locked = post("/api/users/signin", credentials(email, "secret"));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().toString()).isEqualTo("{\"errors\":[{\"message\":\"" + TOO_MANY + "\"}]}");
        assertThat(locked.headers("Set-Cookie")).isEmpty();
        assertThat(post("/api/users/signin", credentials(newEmail(), "secret")).status())
                .as("another email is not locked").isEqualTo(400);
    }

    @Test
    void theEmailLimitIgnoresLetterCase() {
        String email = newEmail();
        for (int i = 0; i < 10; i++) {
            post("/api/users/signin", credentials(i % 2 == 0 ? email : email.toUpperCase(), "wrong"));
        }

        assertThat(post("/api/users/signin", credentials(email.toUpperCase(), "wrong")).status()).isEqualTo(429);
    }

    @Test
    void successfulSignInsDoNotSpendTheEmailsBudget() {
        String email = newEmail();
        signUp(email, "secret");
        double unavailableBefore = meters.get(RedisBuckets.UNAVAILABLE_METRIC).counter().count();

        for (int i = 0; i < 15; i++) {
            assertThat(post("/api/users/signin", credentials(email, "secret")).status())
                    .as("sign-in %d", i + 1).isEqualTo(200);
        }
        assertThat(meters.get(RedisBuckets.UNAVAILABLE_METRIC).counter().count())
                .as("every check and refund reached Redis").isEqualTo(unavailableBefore);
    }

    @Test
    void tenFailedSignUpsOfOneEmailAreLimitedToo() {
        String email = newEmail();
        signUp(email, "secret");

        for (int i = 0; i < 10; i++) {
            Reply failed = post("/api/users/signup", credentials(email, "secret"));
            assertThat(failed.errorMessage()).as("attempt %d", i + 1).isEqualTo("Email in use");
        }
        Reply limited = post("/api/users/signup", credentials(email, "secret"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorMessage()).isEqualTo(TOO_MANY);
    }

    @Test
    void oneAddressGetsThirtySignInsAndSignUpsAMinute() {
        String address = newAddress();
        for (int i = 0; i < 15; i++) {
            assertThat(post("/api/users/signup", credentials(newEmail(), "secret"), FORWARDED_FOR, address)
                    .status()).isEqualTo(201);
            assertThat(post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, address)
                    .status()).isEqualTo(400);
        }

        Reply signUp = post("/api/users/signup", credentials(newEmail(), "secret"), FORWARDED_FOR, address);
        Reply signIn = post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, address);

        assertThat(signUp.status()).isEqualTo(429);
        assertThat(signUp.errorMessage()).isEqualTo(TOO_MANY);
        assertThat(signIn.status()).isEqualTo(429);
        assertThat(post("/api/users/signup", credentials(newEmail(), "secret"), FORWARDED_FOR, newAddress())
                .status()).as("another address is not limited").isEqualTo(201);
    }

    @Test
    void aMadeUpFirstForwardedForEntryDoesNotDodgeTheAddressLimit() {
        String client = newAddress();
        for (int i = 0; i < 30; i++) {
            // the client invents a new first entry each time; the proxy appended the real address last
            post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, newAddress() + ", " + client);
        }

        Reply reply = post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, client);

        assertThat(reply.status()).isEqualTo(429);
    }

    @Test
    void invalidRequestsAreAnsweredBeforeAnyBudgetIsSpent() {
        String address = newAddress();
        for (int i = 0; i < 40; i++) {
            post("/api/users/signin", credentials("not-an-email", "secret"), FORWARDED_FOR, address);
        }

        assertThat(post("/api/users/signin", credentials(newEmail(), "secret"), FORWARDED_FOR, address).status())
                .isEqualTo(400);
    }

    @Test
    void bucketsLiveUnderTheConfiguredKeyPrefixWithoutTheEmailInClear() {
        String email = newEmail();
        String address = newAddress();

        post("/api/users/signin", credentials(email, "secret"), FORWARDED_FOR, address);

        RedisClient client = RedisClient.create(properties.redisUrl());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys(KEY_PREFIX + "*");
            assertThat(keys).contains(KEY_PREFIX + "address:" + address)
                    .anyMatch(k -> k.startsWith(KEY_PREFIX + "signin:email:"))
                    .noneMatch(k -> k.contains(email));
            assertThat(redis.sync().pttl(KEY_PREFIX + "address:" + address)).as("expires by itself").isPositive();
        } finally {
            client.shutdown();
        }
    }
}
