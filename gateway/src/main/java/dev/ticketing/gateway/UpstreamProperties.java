package dev.ticketing.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long the gateway waits for a service: to accept the connection, then to answer. */
@ConfigurationProperties("gateway")
record UpstreamProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {
}
