package dev.ticketing.client.api;

import dev.ticketing.web.RequestIdFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Makes an API call speak for the browser being served: its {@code session} cookie (and no other),
 * its address as {@code X-Forwarded-For} (the services rate-limit sign-ins by it) and the request id
 * so that one page view can be followed through every service's log.
 */
class ForwardingInterceptor implements ClientHttpRequestInterceptor {

    static final String SESSION_COOKIE = "session";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest browser = attributes.getRequest();
            HttpHeaders headers = request.getHeaders();
            String session = sessionCookie(browser);
            if (session != null) {
                headers.set(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + session);
            }
            headers.set("X-Forwarded-For", browser.getRemoteAddr());
            Object requestId = browser.getAttribute(RequestIdFilter.ATTRIBUTE);
            if (requestId != null) {
                headers.set(RequestIdFilter.HEADER, requestId.toString());
            }
        }
        return execution.execute(request, body);
    }

    static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
