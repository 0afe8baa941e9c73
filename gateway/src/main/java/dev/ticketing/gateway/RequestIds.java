package dev.ticketing.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets an {@code X-Request-Id} (the caller's, if it sent a sane one): the service it
 * is routed to receives it and logs it, and the caller gets it back, once, on every answer,
 * including the gateway's own error answers.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    // visible ASCII only, so an id cannot forge log lines or split headers
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7e]{1,100}");

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
            request.attribute(ATTRIBUTE).ifPresent(id -> updated.set(HEADER, (String) id));
            return updated;
        };
    }

    /** The service echoes the id; the filter below has already set it on the answer. */
    @Bean
    ResponseHttpHeadersFilter requestIdFromUpstreamDropped() {
        return (headers, response) -> {
            HttpHeaders updated = HttpHeaders.copyOf(headers);
            updated.remove(HEADER);
            return updated;
        };
    }

    static final class RequestIdFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String id = request.getHeader(HEADER);
            if (id == null || !ACCEPTABLE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
            }
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
            MDC.put("requestId", id);
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove("requestId");
            }
        }
    }
}
