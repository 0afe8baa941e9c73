package dev.ticketing.client.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every rendered page the {@code currentUser} its header needs (null when signed out); redirects
 * after a POST skip the lookup.
 */
public class CurrentUserInterceptor implements HandlerInterceptor {

    public static final String MODEL_KEY = "currentUser";

    private final CurrentUsers users;

    public CurrentUserInterceptor(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView == null || isRedirect(modelAndView) || modelAndView.getModel().containsKey(MODEL_KEY)) {
            return;
        }
        modelAndView.addObject(MODEL_KEY, users.lookUpQuietly(request).orElse(null));
    }

    private static boolean isRedirect(ModelAndView modelAndView) {
        String name = modelAndView.getViewName();
        return modelAndView.getView() instanceof RedirectView || (name != null && name.startsWith("redirect:"));
    }
}
