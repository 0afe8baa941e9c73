package dev.ticketing.auth.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RedisBuckets redisBuckets(RateLimitProperties properties, Clock clock, MeterRegistry meters) {
        return new RedisBuckets(properties.redisUrl(), properties.redisTimeout(), clock, meters);
    }

    @Bean
    AttemptLimiter attemptLimiter(RateLimitProperties properties, RedisBuckets buckets, MeterRegistry meters) {
        return new AttemptLimiter(properties, buckets, meters);
    }
}
