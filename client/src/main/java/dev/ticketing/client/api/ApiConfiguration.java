package dev.ticketing.client.api;

import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Plain HTTP/1.1 to the gateway: the JDK client would otherwise try an h2c upgrade on every connection. */
    @Bean
    ClientHttpRequestFactoryBuilder<?> apiRequestFactoryBuilder() {
        return ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(builder -> builder.version(HttpClient.Version.HTTP_1_1));
    }
}
