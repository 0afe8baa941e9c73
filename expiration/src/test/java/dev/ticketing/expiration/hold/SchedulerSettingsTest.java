package dev.ticketing.expiration.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The README's EXPIRATION_* variables reach db-scheduler's starter and the retry of failed holds. */
class SchedulerSettingsTest {

    @Test
    void withoutVariablesTheDocumentedDefaultsApply() throws IOException {
        StandardEnvironment environment = environment(Map.of());

        DbSchedulerProperties scheduler = Binder.get(environment).bindOrCreate("db-scheduler", DbSchedulerProperties.class);
        RetryProperties retry = Binder.get(environment).bind("expiration.retry", RetryProperties.class).get();

        assertThat(scheduler.getPollingInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(scheduler.getThreads()).isEqualTo(4);
        assertThat(scheduler.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scheduler.getShutdownMaxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scheduler.getPollingStrategy()).isEqualTo(PollingStrategyConfig.Type.LOCK_AND_FETCH);
        assertThat(scheduler.isImmediateExecutionEnabled()).isTrue();
        assertThat(scheduler.isDelayStartupUntilContextReady()).isTrue();
        assertThat(retry).isEqualTo(new RetryProperties(Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void eachVariableSetsItsSetting() throws IOException {
        StandardEnvironment environment = environment(Map.of(
                "EXPIRATION_POLLING_INTERVAL", "400ms",
                "EXPIRATION_THREADS", "7",
                "EXPIRATION_HEARTBEAT_INTERVAL", "3s",
                "EXPIRATION_SHUTDOWN_MAX_WAIT", "9s",
                "EXPIRATION_RETRY_BACKOFF", "2s",
                "EXPIRATION_MAX_RETRY_BACKOFF", "30s"));

        DbSchedulerProperties scheduler = Binder.get(environment).bindOrCreate("db-scheduler", DbSchedulerProperties.class);
        RetryProperties retry = Binder.get(environment).bind("expiration.retry", RetryProperties.class).get();

        assertThat(scheduler.getPollingInterval()).isEqualTo(Duration.ofMillis(400));
        assertThat(scheduler.getThreads()).isEqualTo(7);
        assertThat(scheduler.getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(scheduler.getShutdownMaxWait()).isEqualTo(Duration.ofSeconds(9));
        assertThat(retry).isEqualTo(new RetryProperties(Duration.ofSeconds(2), Duration.ofSeconds(30)));
    }

    /** application.yml as the service reads it, under the given environment variables. */
    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return environment;
    }
}
