package dev.ticketing.client.auth;

import dev.ticketing.client.api.ApiClient;
import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.client.api.ApiResponse;
import dev.ticketing.client.session.CurrentUsers;
import dev.ticketing.client.web.FormErrors;
import dev.ticketing.client.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-up, sign-in and sign-out. The auth service decides and sets the {@code session} cookie; this
 * controller relays its {@code Set-Cookie} to the browser and sends the visitor on to where they were going.
 */
@Controller
@RequestMapping("/auth")
class AuthController {

    private static final String[] FIELDS = {"email", "password"};

    private final ApiClient api;
    private final CurrentUsers users;

    AuthController(ApiClient api, CurrentUsers users) {
        this.api = api;
        this.users = users;
    }

    @GetMapping("/signup")
    ModelAndView signUpForm(@RequestParam(required = false) String next) {
        return form("auth/signup", "", next, FormErrors.none(), HttpStatusCode.valueOf(200));
    }

    @PostMapping("/signup")
    ModelAndView signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletResponse response) {
        return authenticate("/api/users/signup", "auth/signup", email, password, next, response);
    }

    @GetMapping("/signin")
    ModelAndView signInForm(@RequestParam(required = false) String next) {
        return form("auth/signin", "", next, FormErrors.none(), HttpStatusCode.valueOf(200));
    }

    @PostMapping("/signin")
    ModelAndView signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletResponse response) {
        return authenticate("/api/users/signin", "auth/signin", email, password, next, response);
    }

    /** Signing out changes state, so it takes a POST (the header's button); this page asks for one. */
    @GetMapping("/signout")
    ModelAndView signOutPage(HttpServletRequest request) {
        if (users.lookUp(request).isEmpty()) {
            return new ModelAndView(Redirects.to("/"));
        }
        return new ModelAndView("auth/signout");
    }

    @PostMapping("/signout")
    ModelAndView signOut(HttpServletResponse response) {
        ApiResponse<?> answer = api.postForCookies(Map.of(), Map.class, "/api/users/signout");
        relayCookies(answer, response);
        return new ModelAndView(Redirects.to("/"));
    }

    private ModelAndView authenticate(String route, String view, String email, String password, String next,
            HttpServletResponse response) {
        try {
            ApiResponse<?> answer = api.postForCookies(new Credentials(email, password), Map.class, route);
            relayCookies(answer, response);
            return new ModelAndView(Redirects.to(Redirects.localPath(next)));
        } catch (ApiRefusal e) {
            return form(view, email, next, FormErrors.from(e, FIELDS), HttpStatusCode.valueOf(e.status()));
        }
    }

    private static ModelAndView form(String view, String email, String next, FormErrors errors, HttpStatusCode status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("email", email);
        String local = Redirects.localPath(next);
        page.addObject("next", local.equals("/") ? null : local);
        page.addObject("errors", errors);
        return page;
    }

    private static void relayCookies(ApiResponse<?> answer, HttpServletResponse response) {
        answer.setCookies().forEach(cookie -> response.addHeader(HttpHeaders.SET_COOKIE, cookie));
    }

    record Credentials(String email, String password) {
    }
}
