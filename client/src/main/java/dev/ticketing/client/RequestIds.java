package dev.ticketing.client;

import dev.ticketing.web.RequestIdFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Takes the gateway's {@code X-Request-Id} (or makes one) for this page view: it goes into every log
 * line, back to the browser, and along with every API call the page makes.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
