package dev.ticketing.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketing.auth.support.AuthHttpTest;
import dev.ticketing.common.testing.ServerProcess;
import dev.ticketing.common.testing.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rate limiting fails open: while its Redis is away, auth signs people in unlimited, and limits again once it is back. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisOutageTest extends AuthHttpTest {

    private static final ServerProcess REDIS = ServerProcess.redis(Path.of("target", "redis-" + TestInfra.SUFFIX)).start();

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void privateRedis(DynamicPropertyRegistry registry) {
        registry.add("auth.rate-limit.redis-url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void servesWhileRedisIsDownAndLimitsAgainWhenItIsBack() throws Exception {
        String email = newEmail();
        signUp(email, "secret");
        spendTheEmailsBudget(email);
        assertThat(post("/api/users/signin", credentials(email, "secret")).status()).isEqualTo(429);

        REDIS.stop();
        double before = unavailableCount();

        Reply signIn = post("/api/users/signin", credentials(email, "secret"));
        Reply signUp = post("/api/users/signup", credentials(newEmail(), "secret"));

        assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(201);
        assertThat(unavailableCount()).isGreaterThan(before);

        REDIS.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String another = newEmail();
            spendTheEmailsBudget(another);
            assertThat(post("/api/users/signin", credentials(another, "wrong")).status()).isEqualTo(429);
        });
    }

    private void spendTheEmailsBudget(String email) {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/users/signin", credentials(email, "wrong")).status()).isEqualTo(400);
        }
    }

    private double unavailableCount() {
        return meters.get(RedisBuckets.UNAVAILABLE_METRIC).counter().count();
    }
}
