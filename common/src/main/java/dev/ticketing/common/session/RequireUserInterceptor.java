package dev.ticketing.common.session;

import dev.ticketing.common.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A route that takes a {@link SessionUser} parameter requires a session: without one it answers
 * 401 before anything else, request body validation included.
 */
class RequireUserInterceptor implements HandlerInterceptor {

    private final Sessions sessions;

    RequireUserInterceptor(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && requiresUser(method) && sessions.current(request).isEmpty()) {
            throw ApiException.notAuthorized();
        }
        return true;
    }

    private static boolean requiresUser(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.getParameterType() == SessionUser.class);
    }
}
