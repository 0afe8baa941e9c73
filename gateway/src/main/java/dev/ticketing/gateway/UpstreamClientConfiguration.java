package dev.ticketing.gateway;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The HTTP client the gateway proxies with: Apache HttpClient's blocking client over a pool of
 * kept-alive connections per service. It costs the gateway about half the CPU per request of the
 * JDK client, whose asynchronous machinery (and a cancelled future, with its exception, on every
 * answer read under a timeout) dominated the gateway's profile under load. A pooled connection
 * idle for more than a second is checked before reuse, so a service restart never turns a
 * request into a 502. Nothing is retried, redirected, decompressed or given cookies: the gateway
 * passes requests and answers through untouched.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClientConfiguration {

    /** Connections kept per service: more than the busiest service's concurrent requests in the benchmarks. */
    private static final int CONNECTIONS_PER_SERVICE = 256;

    @Bean(destroyMethod = "close")
    CloseableHttpClient upstreamHttpClient(UpstreamProperties properties) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(CONNECTIONS_PER_SERVICE)
                .setMaxConnTotal(CONNECTIONS_PER_SERVICE * 5)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Bean
    ClientHttpRequestFactory upstreamRequestFactory(CloseableHttpClient upstreamHttpClient) {
        return new HttpComponentsClientHttpRequestFactory(upstreamHttpClient);
    }
}
