package dev.ticketing.gateway;

import dev.ticketing.web.RequestIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * Every request gets an {@code X-Request-Id} (the caller's, if it sent a sane one): the service it
 * is routed to receives it and logs it, and the caller gets it back, once, on every answer,
 * including the gateway's own error answers.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Sends the id to the service. */
    @Bean
    RequestHttpHeadersFilter requestIdToUpstream() {
        return (headers, request) -> {
            HttpHeaders updated = HttpHeaders.copyOf(headers);
            request.attribute(RequestIdFilter.ATTRIBUTE).ifPresent(id -> updated.set(RequestIdFilter.HEADER, (String) id));
            return updated;
        };
    }

    /** The service echoes the id; the filter has already set it on the answer. */
    @Bean
    ResponseHttpHeadersFilter requestIdFromUpstreamDropped() {
        return (headers, response) -> {
            HttpHeaders updated = HttpHeaders.copyOf(headers);
            updated.remove(RequestIdFilter.HEADER);
            return updated;
        };
    }
}
