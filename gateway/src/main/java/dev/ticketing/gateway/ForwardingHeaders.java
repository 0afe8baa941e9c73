package dev.ticketing.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway is the edge: what a caller says about where a request came from
 * ({@code X-Forwarded-*}, {@code Forwarded}, {@code X-Real-IP}) is dropped, so the services get
 * only the address the gateway saw (added as {@code X-Forwarded-For} when the request is routed).
 * Otherwise a client could pick a new address for every sign-in and never meet auth's
 * per-address limit. Only a caller whose address matches {@code GATEWAY_TRUSTED_PROXIES} (a proxy
 * of our own in front of the gateway) keeps its forwarding headers; by default nobody does.
 */
@Configuration(proxyBeanMethods = false)
class ForwardingHeaders {

    @Bean
    FilterRegistrationBean<ClientSentHeadersDropped> clientSentForwardingHeadersDropped(
            @Value("${gateway.trusted-proxies:}") String trustedProxies) {
        FilterRegistrationBean<ClientSentHeadersDropped> registration =
                new FilterRegistrationBean<>(new ClientSentHeadersDropped(trustedProxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class ClientSentHeadersDropped extends OncePerRequestFilter {

        private final Pattern trusted;

        ClientSentHeadersDropped(String trustedProxies) {
            this.trusted = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean fromTrustedProxy = trusted != null && trusted.matcher(request.getRemoteAddr()).matches();
            chain.doFilter(fromTrustedProxy ? request : new WithoutForwardingHeaders(request), response);
        }
    }

    static final class WithoutForwardingHeaders extends HttpServletRequestWrapper {

        WithoutForwardingHeaders(HttpServletRequest request) {
            super(request);
        }

        static boolean isForwarding(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip");
        }

        @Override
        public String getHeader(String name) {
            return isForwarding(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isForwarding(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(WithoutForwardingHeaders::isForwarding);
            return Collections.enumeration(names);
        }
    }
}
