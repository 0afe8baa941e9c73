package dev.ticketing.client.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketing.client.PageTest;
import org.jsoup.nodes.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class AuthPagesTest extends PageTest {

    private static final String SESSION_COOKIE = "session=eyJqd3QiOiJ4In0=; Path=/; HttpOnly; SameSite=Lax";

    @Test
    void theSignUpFormPostsEmailAndPasswordWithoutNeedingJavaScript() throws Exception {
        Document page = html(mvc.perform(get("/auth/signup")).andExpect(status().isOk()).andReturn());

        var form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/auth/signup");
        assertThat(form.select("input[name=email]")).hasSize(1);
        assertThat(form.select("input[name=password][type=password]")).hasSize(1);
        assertThat(form.hasAttr("novalidate")).as("the API's messages are shown, not the browser's").isTrue();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Sign Up");
        assertThat(page.selectFirst("main a:contains(Sign in)").attr("href")).isEqualTo("/auth/signin");
    }

    @Test
    void signingUpRelaysTheSessionCookieAndGoesHome() throws Exception {
        api.stubFor(post("/api/users/signup").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("Set-Cookie", SESSION_COOKIE)
                .withBody("{\"id\":\"" + newId() + "\",\"email\":\"new@example.com\"}")));

        mvc.perform(MockMvcRequestBuilders.post("/auth/signup").param("email", "new@example.com").param("password", "secret"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andExpect(header().stringValues("Set-Cookie", SESSION_COOKIE));

        api.verify(postRequestedFor(urlPathEqualTo("/api/users/signup"))
                .withRequestBody(equalToJson("{\"email\":\"new@example.com\",\"password\":\"secret\"}")));
    }

    @Test
    void theRealServerRelaysTheCookieUntouched() {
        api.stubFor(post("/api/users/signin").willReturn(okJson("{}").withHeader("Set-Cookie", SESSION_COOKIE)));

        ResponseEntity<Void> response = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new SimpleClientHttpRequestFactory()).build()
                .post().uri("/auth/signin").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("email=a%40example.com&password=secret&next=%2Forders").retrieve().toBodilessEntity();

        assertThat(response.getStatusCode().value()).isEqualTo(302);
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/orders");
        assertThat(response.getHeaders().get("Set-Cookie")).containsExactly(SESSION_COOKIE);
    }

    @Test
    void showsEachValidationErrorNextToItsField() throws Exception {
        api.stubFor(post("/api/users/signup").willReturn(errors(400, """
                [{"message":"Email must be valid","field":"email"},
                 {"message":"Password must be between 4 and 20 characters","field":"password"}]""")));

        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/auth/signup")
                        .param("email", "not-an-email").param("password", "x"))
                .andExpect(status().isBadRequest()).andReturn();

        Document page = html(result);
        assertThat(page.selectFirst("#email").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#email").val()).as("what was typed stays").isEqualTo("not-an-email");
        assertThat(page.selectFirst("#email ~ .invalid-feedback").text()).isEqualTo("Email must be valid");
        assertThat(page.selectFirst("#email").attr("aria-describedby")).isEqualTo("email-error");
        assertThat(page.selectFirst("#password").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#password").val()).as("a password is never sent back").isEmpty();
        assertThat(page.selectFirst("#password ~ .invalid-feedback").text())
                .isEqualTo("Password must be between 4 and 20 characters");
        assertThat(page.select("main .alert")).isEmpty();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void showsAnErrorThatIsNotAboutOneFieldAsAnAlert() throws Exception {
        api.stubFor(post("/api/users/signup").willReturn(error(400, "Email in use")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/auth/signup")
                .param("email", "taken@example.com").param("password", "secret")).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Email in use");
        assertThat(page.select(".is-invalid")).isEmpty();
    }

    @Test
    void signingInRelaysTheCookieAndReturnsToThePageAskedFor() throws Exception {
        api.stubFor(post("/api/users/signin").willReturn(okJson("{\"id\":\"" + newId() + "\",\"email\":\"a@example.com\"}")
                .withHeader("Set-Cookie", SESSION_COOKIE)));

        mvc.perform(MockMvcRequestBuilders.post("/auth/signin").param("email", "a@example.com").param("password", "secret")
                        .param("next", "/orders/123?x=1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/orders/123?x=1"))
                .andExpect(header().stringValues("Set-Cookie", SESSION_COOKIE));
    }

    @Test
    void neverSendsAVisitorToAnotherSiteAfterSigningIn() throws Exception {
        api.stubFor(post("/api/users/signin").willReturn(okJson("{}")));

        for (String next : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            mvc.perform(MockMvcRequestBuilders.post("/auth/signin").param("email", "a@example.com").param("password", "x")
                            .param("next", next))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void theSignInFormKeepsWhereTheVisitorWasGoing() throws Exception {
        Document page = html(mvc.perform(get("/auth/signin").param("next", "/orders")).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("main form input[name=next]").val()).isEqualTo("/orders");
        assertThat(page.selectFirst("main a:contains(Create an account)").attr("href")).isEqualTo("/auth/signup?next=/orders");
    }

    @Test
    void wrongCredentialsAndTooManyAttemptsAreShownAsAlerts() throws Exception {
        api.stubFor(post("/api/users/signin").willReturn(error(400, "Invalid credentials")));
        Document wrong = html(mvc.perform(MockMvcRequestBuilders.post("/auth/signin")
                .param("email", "a@example.com").param("password", "nope").param("next", "/orders"))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(wrong.select("main .alert-danger").eachText()).containsExactly("Invalid credentials");
        assertThat(wrong.selectFirst("#email").val()).isEqualTo("a@example.com");
        assertThat(wrong.selectFirst("input[name=next]").val()).isEqualTo("/orders");

        api.stubFor(post("/api/users/signin").willReturn(error(429, "Too many attempts, try again later")));
        Document limited = html(mvc.perform(MockMvcRequestBuilders.post("/auth/signin")
                .param("email", "a@example.com").param("password", "nope")).andExpect(status().isTooManyRequests()).andReturn());
        assertThat(limited.select("main .alert-danger").eachText()).containsExactly("Too many attempts, try again later");
    }

    @Test
    void aMissingPasswordIsShownUnderThePasswordField() throws Exception {
        api.stubFor(post("/api/users/signin").willReturn(errors(400,
                "[{\"message\":\"You must supply a password\",\"field\":\"password\"}]")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/auth/signin").param("email", "a@example.com"))
                .andReturn());

        assertThat(page.selectFirst("#password ~ .invalid-feedback").text()).isEqualTo("You must supply a password");
        assertThat(page.selectFirst("#email").hasClass("is-invalid")).isFalse();
    }

    @Test
    void signingOutRelaysTheExpiredCookieAndGoesHome() throws Exception {
        Visitor visitor = signedIn();
        String expired = "session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
        api.stubFor(post("/api/users/signout").willReturn(okJson("{}").withHeader("Set-Cookie", expired)));

        mvc.perform(MockMvcRequestBuilders.post("/auth/signout").cookie(visitor.cookie()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                // the mock response re-renders the cookie it parsed (1 Jan, not 01 Jan); what matters is that it expires
                .andExpect(header().string("Set-Cookie", allOf(startsWith("session=;"), containsString("Max-Age=0"))));

        api.verify(postRequestedFor(urlPathEqualTo("/api/users/signout"))
                .withCookie("session", com.github.tomakehurst.wiremock.client.WireMock.equalTo(visitor.cookie().getValue())));
    }

    @Test
    void theSignOutPageAsksForAPostAndSendsSignedOutVisitorsHome() throws Exception {
        Visitor visitor = signedIn();
        Document page = html(mvc.perform(get("/auth/signout").cookie(visitor.cookie())).andExpect(status().isOk()).andReturn());
        assertThat(page.selectFirst("main form").attr("method")).isEqualTo("post");
        assertThat(page.selectFirst("main form").attr("action")).isEqualTo("/auth/signout");
        assertThat(page.selectFirst("main").text()).contains(visitor.email());

        mvc.perform(get("/auth/signout")).andExpect(redirectedUrl("/"));
    }

    @Test
    void theApiBeingDownGivesAFriendlyPage() throws Exception {
        api.stubFor(post("/api/users/signin").willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/auth/signin")
                .param("email", "a@example.com").param("password", "secret")).andExpect(status().isServiceUnavailable()).andReturn());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Temporarily unavailable");
        assertThat(page.selectFirst("main .alert-warning").text()).contains("try again in a moment");
    }
}
