package dev.ticketing.auth.user;

import dev.ticketing.auth.ratelimit.ClientAddress;
import dev.ticketing.common.session.SessionCookies;
import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.session.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UsersController {

    private final Accounts accounts;
    private final SessionTokens tokens;
    private final SessionCookies cookies;
    private final Sessions sessions;

    UsersController(Accounts accounts, SessionTokens tokens, SessionCookies cookies, Sessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.cookies = cookies;
        this.sessions = sessions;
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserResponse> signUp(@Valid @RequestBody SignupRequest body, HttpServletRequest request) {
        User user = accounts.signUp(body.email(), body.password(), ClientAddress.of(request));
        return signedIn(HttpStatus.CREATED, user);
    }

    @PostMapping("/signin")
    ResponseEntity<UserResponse> signIn(@Valid @RequestBody SigninRequest body, HttpServletRequest request) {
        User user = accounts.signIn(body.email(), body.password(), ClientAddress.of(request));
        return signedIn(HttpStatus.OK, user);
    }

    @PostMapping("/signout")
    ResponseEntity<Map<String, Object>> signOut() {
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookies.expired().toString())
                .body(Map.of());
    }

    @GetMapping("/currentuser")
    CurrentUserResponse currentUser(HttpServletRequest request) {
        return new CurrentUserResponse(sessions.current(request).orElse(null));
    }

    private ResponseEntity<UserResponse> signedIn(HttpStatus status, User user) {
        String cookie = cookies.create(tokens.issue(user.id(), user.email())).toString();
        return ResponseEntity.status(status).header(HttpHeaders.SET_COOKIE, cookie).body(UserResponse.of(user));
    }
}
