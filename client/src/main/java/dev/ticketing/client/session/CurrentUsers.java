package dev.ticketing.client.session;

import dev.ticketing.client.api.ApiClient;
import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.client.api.ApiUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds out who the visitor is by asking the auth service (GET /api/users/currentuser) with the
 * visitor's session cookie, once per page view; a visitor without a session cookie is signed out
 * without asking.
 */
@Component
public class CurrentUsers {

    private static final Logger log = LoggerFactory.getLogger(CurrentUsers.class);
    private static final String ATTRIBUTE = CurrentUsers.class.getName() + ".user";

    private final ApiClient api;

    CurrentUsers(ApiClient api) {
        this.api = api;
    }

    @SuppressWarnings("unchecked")
    public Optional<CurrentUser> lookUp(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Optional<?> known) {
            return (Optional<CurrentUser>) known;
        }
        Optional<CurrentUser> user = ApiClient.carriesSession(request) ? ask() : Optional.empty();
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }

    /** For a page's header: when the API is down the page says so elsewhere, the header just shows no one. */
    public Optional<CurrentUser> lookUpQuietly(HttpServletRequest request) {
        try {
            return lookUp(request);
        } catch (ApiUnavailableException e) {
            return Optional.empty();
        }
    }

    /** The signed-in visitor of a protected page; a signed-out one is sent to sign in and back to this page. */
    public CurrentUser require(HttpServletRequest request) {
        return lookUp(request).orElseThrow(() -> new SignInRequiredException(pathOf(request)));
    }

    public static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private Optional<CurrentUser> ask() {
        try {
            Answer answer = api.get(Answer.class, "/api/users/currentuser");
            return Optional.ofNullable(answer == null ? null : answer.currentUser());
        } catch (ApiRefusal e) {
            log.info("currentuser answered {}: treating the visitor as signed out", e.status());
            return Optional.empty();
        }
    }

    record Answer(CurrentUser currentUser) {
    }
}
