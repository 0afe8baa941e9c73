package dev.ticketing.client.web;

import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.client.api.ApiUnavailableException;
import dev.ticketing.client.session.CurrentUserInterceptor;
import dev.ticketing.client.session.CurrentUsers;
import dev.ticketing.client.session.SignInRequiredException;
import dev.ticketing.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a visitor sees when a page cannot be shown: the sign-in page for a protected one, the API's
 * own message in an alert when it refused, and a friendly "try again" page when it is down. Never a
 * stack trace or a blank page.
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    private final CurrentUsers users;

    ProblemPages(CurrentUsers users) {
        this.users = users;
    }

    @ExceptionHandler(SignInRequiredException.class)
    ModelAndView signInFirst(SignInRequiredException e) {
        return new ModelAndView(Redirects.toSignIn(e.next()));
    }

    @ExceptionHandler(ApiRefusal.class)
    ModelAndView refused(ApiRefusal e, HttpServletRequest request) {
        var user = users.lookUpQuietly(request);
        if (e.isUnauthorized() && user.isEmpty()) {
            // the session ran out (or never was): sign in and come back, to this page if it can be shown again
            return new ModelAndView(Redirects.toSignIn("GET".equals(request.getMethod()) ? CurrentUsers.pathOf(request) : null));
        }
        log.info("{} {}: the API refused with {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ModelAndView page = new ModelAndView("problem", HttpStatusCode.valueOf(e.status()));
        page.addObject("heading", e.isNotFound() ? "Not found" : "That did not work");
        page.addObject("messages", e.errors().stream().map(ApiError::message).distinct().toList());
        page.addObject(CurrentUserInterceptor.MODEL_KEY, user.orElse(null));
        return page;
    }

    @ExceptionHandler(ApiUnavailableException.class)
    ModelAndView unavailable(ApiUnavailableException e, HttpServletRequest request) {
        log.warn("{} {}: the API is unavailable: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ModelAndView page = new ModelAndView("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject(CurrentUserInterceptor.MODEL_KEY, null);
        page.addObject("hideNavigation", true);
        page.addObject("retry", "GET".equals(request.getMethod()) ? CurrentUsers.pathOf(request) : null);
        return page;
    }
}
