package dev.ticketing.gateway;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The HTTP client the gateway proxies with. HTTP/1.1 because the services speak plain HTTP/1.1
 * (the JDK client's HTTP/2 default would add an h2c upgrade to every request); redirects are
 * the browser's business, so they are passed through, never followed.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClientConfiguration {

    @Bean
    ClientHttpRequestFactory upstreamRequestFactory(UpstreamProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        return factory;
    }
}
