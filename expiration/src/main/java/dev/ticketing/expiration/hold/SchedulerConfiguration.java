package dev.ticketing.expiration.hold;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import tools.jackson.databind.json.JsonMapper;

/**
 * db-scheduler, built by hand (its Spring Boot starter predates Boot 4) on the service's own
 * DataSource. Through a {@link TransactionAwareDataSourceProxy} a hold scheduled inside a Spring
 * transaction commits or rolls back with it; the scheduler's own polling runs outside any.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class SchedulerConfiguration {

    static final String HOLD_TASK = "order-hold";

    @Bean
    OneTimeTask<Hold> orderHoldTask(OrderExpirations expirations, SchedulerProperties properties) {
        return Tasks.oneTime(HOLD_TASK, Hold.class)
                .onFailure(new CappedBackoff<>(properties.retryBackoff(), properties.maxRetryBackoff()))
                .execute((instance, context) -> expirations.expire(
                        UUID.fromString(instance.getId()), instance.getData().expiresAt(),
                        context.getExecution().pickedBy));
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerProperties properties,
                        JsonMapper json, MeterRegistry meters) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                // replicas share a host name in tests and in some deployments; picked_by tells them apart
                .schedulerName(new SchedulerName.Fixed(new SchedulerName.Hostname().getName()
                        + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .serializer(new JsonTaskData(json))
                .pollingInterval(properties.pollingInterval())
                // one UPDATE ... FOR UPDATE SKIP LOCKED claims due holds, so replicas never pick the same one
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .threads(properties.threads())
                .heartbeatInterval(properties.heartbeatInterval())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .statsRegistry(new MicrometerStatsRegistry(meters, tasks))
                .build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, SchedulerProperties properties) {
        return new SchedulerLifecycle(scheduler, properties);
    }
}
