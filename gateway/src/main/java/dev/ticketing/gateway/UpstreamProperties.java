package dev.ticketing.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services the gateway routes to ({@code lb://<name>} in the routes), each with the address of
 * every replica ({@code AUTH_URL} and the like, comma-separated), and how long the gateway waits
 * for one: to accept the connection, then to answer.
 */
@ConfigurationProperties("gateway")
record UpstreamProperties(Duration connectTimeout, Duration readTimeout, Map<String, List<URI>> upstreams) {
}
