package dev.ticketing.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.stereotype.Component;

/**
 * Where the replicas of each service are, for Spring Cloud LoadBalancer to spread the routes'
 * {@code lb://<service>} over: the configured addresses, as they are (locally the launcher's
 * ports; in Kubernetes one Service address per service, which balances by itself). A replica that
 * refused or broke off a connection before answering (it crashed, or is restarting) is passed over
 * for a few seconds, so a killed
 * replica costs its callers one 502 instead of every other request; when all of a service's replicas
 * refused, all are tried again.
 */
@Component
class Upstreams implements DiscoveryClient {

    static final Duration PASS_OVER = Duration.ofSeconds(3);

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();
    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    Upstreams(UpstreamProperties properties) {
        properties.upstreams().forEach((service, addresses) -> {
            List<ServiceInstance> replicas = new ArrayList<>();
            for (URI address : addresses) {
                replicas.add(new DefaultServiceInstance(service + "-" + (replicas.size() + 1), service,
                        address.getHost(), address.getPort(), "https".equals(address.getScheme())));
            }
            instances.put(service, List.copyOf(replicas));
        });
    }

    @Override
    public String description() {
        return "the gateway's configured upstreams";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        List<ServiceInstance> all = instances.getOrDefault(serviceId, List.of());
        if (refusedUntil.isEmpty()) {
            return all;
        }
        Instant now = clock.instant();
        List<ServiceInstance> accepting = all.stream().filter(instance -> {
            Instant until = refusedUntil.get(key(instance.getHost(), instance.getPort()));
            return until == null || until.isBefore(now);
        }).toList();
        return accepting.isEmpty() ? all : accepting;
    }

    /** The replica at this address refused or broke off a connection before it answered. */
    void refused(URI address) {
        refusedUntil.put(key(address.getHost(), address.getPort()), clock.instant().plus(PASS_OVER));
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }

    @Override
    public List<String> getServices() {
        return List.copyOf(instances.keySet());
    }
}
