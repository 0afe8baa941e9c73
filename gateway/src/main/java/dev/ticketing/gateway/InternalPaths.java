package dev.ticketing.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Health and metrics are for probes and Prometheus on each application's own port (the gateway's
 * own on {@code GATEWAY_MANAGEMENT_PORT}), never for the public: {@code /actuator} on the public
 * port is answered 404 here instead of being routed to the web UI, whose actuator it would reach.
 */
@Configuration(proxyBeanMethods = false)
class InternalPaths {

    @Bean
    FilterRegistrationBean<ActuatorRefused> actuatorRefusedOnThePublicPort() {
        FilterRegistrationBean<ActuatorRefused> registration = new FilterRegistrationBean<>(new ActuatorRefused());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    static final class ActuatorRefused extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/actuator") || path.startsWith("/actuator/")) {
                Envelopes.write(response, HttpServletResponse.SC_NOT_FOUND, Envelopes.NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
