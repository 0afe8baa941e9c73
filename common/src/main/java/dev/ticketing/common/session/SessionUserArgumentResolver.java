package dev.ticketing.common.session;

import dev.ticketing.common.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the signed-in {@link SessionUser} to a controller method that asks for one. */
class SessionUserArgumentResolver implements HandlerMethodArgumentResolver {

    private final Sessions sessions;

    SessionUserArgumentResolver(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SessionUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return sessions.current(request.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(ApiException::notAuthorized);
    }
}
