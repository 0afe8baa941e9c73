package dev.ticketing.expiration.hold;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hold task and what db-scheduler's Spring Boot starter cannot take from properties. The
 * starter builds the scheduler on the service's DataSource behind a
 * {@code TransactionAwareDataSourceProxy} (a hold scheduled inside a Spring transaction commits or
 * rolls back with it), starts it once the context is ready and stops it with the context; its
 * settings are the {@code db-scheduler.*} properties in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryProperties.class)
class SchedulerConfiguration {

    static final String HOLD_TASK = "order-hold";

    @Bean
    OneTimeTask<Hold> orderHoldTask(OrderExpirations expirations, RetryProperties retry) {
        return Tasks.oneTime(HOLD_TASK, Hold.class)
                .onFailure(new CappedBackoff<>(retry.backoff(), retry.maxBackoff()))
                .execute((instance, context) -> expirations.expire(
                        UUID.fromString(instance.getId()), instance.getData().expiresAt(),
                        context.getExecution().pickedBy));
    }

    @Bean
    DbSchedulerCustomizer holdsScheduler(JsonMapper json) {
        // replicas share a host name in tests and in some deployments; picked_by tells them apart
        SchedulerName name = new SchedulerName.Fixed(new SchedulerName.Hostname().getName()
                + "-" + UUID.randomUUID().toString().substring(0, 8));
        // task data as JSON (readable in the table, stable across class changes), not Java serialization
        Serializer serializer = new Jackson3Serializer(json);
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(name);
            }

            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(serializer);
            }
        };
    }
}
