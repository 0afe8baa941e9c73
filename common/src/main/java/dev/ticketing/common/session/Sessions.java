package dev.ticketing.common.session;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** Finds the session of a request: an {@code Authorization: Bearer} token, else the session cookie. */
public class Sessions {

    private static final String ATTRIBUTE = Sessions.class.getName() + ".user";
    private static final String BEARER = "Bearer ";

    private final SessionTokens tokens;
    private final SessionCookies cookies;

    public Sessions(SessionTokens tokens, SessionCookies cookies) {
        this.tokens = tokens;
        this.cookies = cookies;
    }

    @SuppressWarnings("unchecked")
    public Optional<SessionUser> current(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return (Optional<SessionUser>) cached;
        }
        Optional<SessionUser> user = token(request).flatMap(tokens::verify);
        request.setAttribute(ATTRIBUTE, user);
        return user;
    }

    private Optional<String> token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(header.substring(BEARER.length()).trim());
        }
        Cookie[] all = request.getCookies();
        if (all == null) {
            return Optional.empty();
        }
        return Arrays.stream(all)
                .filter(c -> SessionCookies.NAME.equals(c.getName()))
                .findFirst()
                .flatMap(c -> cookies.token(c.getValue()));
    }
}
