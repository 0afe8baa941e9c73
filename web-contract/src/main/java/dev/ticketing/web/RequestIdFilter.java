package dev.ticketing.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request has an {@code X-Request-Id}: the caller's if it is sane, a new one otherwise. The
 * same rule at the edge, in the web UI and in every service, so an id the gateway passes on is
 * kept all the way down. The id goes into every log line of the request, back to the caller, and
 * into a request attribute for whoever passes it on.
 */
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    /** The request's id, for code that calls on (the gateway to a service, the web UI to the API). */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final String MDC_KEY = "requestId";
    // visible ASCII only, so an id cannot forge log lines or split headers
    private static final Pattern ACCEPTABLE = Pattern.compile("[\\x21-\\x7e]{1,100}");

    /** The caller's id when it is acceptable, a new UUID when it is missing or not. */
    public static String keepOrCreate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = keepOrCreate(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
