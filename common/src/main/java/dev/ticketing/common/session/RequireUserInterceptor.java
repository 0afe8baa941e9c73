package dev.ticketing.common.session;

import dev.ticketing.common.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** A {@link SignedIn} route without a session answers 401 before anything else, request body validation included. */
class RequireUserInterceptor implements HandlerInterceptor {

    private final Sessions sessions;

    RequireUserInterceptor(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod route && requiresUser(route) && sessions.current(request).isEmpty()) {
            throw ApiException.notAuthorized();
        }
        return true;
    }

    static boolean requiresUser(HandlerMethod route) {
        return route.hasMethodAnnotation(SignedIn.class)
                || AnnotatedElementUtils.hasAnnotation(route.getBeanType(), SignedIn.class);
    }
}
