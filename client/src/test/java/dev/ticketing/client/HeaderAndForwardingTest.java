package dev.ticketing.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeaderAndForwardingTest extends PageTest {

    @BeforeEach
    void nothingOnSale() {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets")).willReturn(okJson("[]")));
    }

    @Test
    void aSignedOutVisitorSeesTheBrandSignUpAndSignIn() throws Exception {
        Document page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("header a.navbar-brand").attr("href")).isEqualTo("/");
        assertThat(page.select("header .nav-link").eachText()).containsExactly("Sign Up", "Sign In");
        assertThat(page.select("header a:contains(Sign Up)").attr("href")).isEqualTo("/auth/signup");
        assertThat(page.select("header a:contains(Sign In)").attr("href")).isEqualTo("/auth/signin");
    }

    @Test
    void aVisitorWithoutASessionCookieIsNotLookedUp() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk());

        api.verify(0, getRequestedFor(urlPathEqualTo("/api/users/currentuser")));
    }

    @Test
    void aSignedInVisitorSeesSellTicketsMyTicketsMyOrdersAndSignOut() throws Exception {
        Visitor visitor = signedIn();

        Document page = html(mvc.perform(get("/").cookie(visitor.cookie())).andExpect(status().isOk()).andReturn());

        assertThat(page.select("header .nav-link").eachText()).containsExactly("Sell Tickets", "My Tickets", "My Orders", "Sign Out");
        assertThat(page.select("header a:contains(Sell Tickets)").attr("href")).isEqualTo("/tickets/new");
        assertThat(page.select("header a:contains(My Tickets)").attr("href")).isEqualTo("/tickets/mine");
        assertThat(page.select("header a:contains(My Orders)").attr("href")).isEqualTo("/orders");
        assertThat(page.selectFirst("header form:has(button:contains(Sign Out))").attr("method")).isEqualTo("post");
        assertThat(page.selectFirst("header form:has(button:contains(Sign Out))").attr("action")).isEqualTo("/auth/signout");
    }

    @Test
    void aSessionTheApiDoesNotKnowShowsTheSignedOutHeader() throws Exception {
        api.stubFor(WireMock.get("/api/users/currentuser").willReturn(okJson("{\"currentUser\":null}")));

        Document page = html(mvc.perform(get("/").cookie(new Cookie("session", "expired"))).andReturn());

        assertThat(page.select("header .nav-link").eachText()).containsExactly("Sign Up", "Sign In");
    }

    @Test
    void forwardsOnlyTheSessionCookieTheBrowsersAddressAndTheRequestId() throws Exception {
        Visitor visitor = signedIn();

        mvc.perform(get("/").cookie(visitor.cookie(), new Cookie("tracking", "do-not-forward"))
                        .header("X-Request-Id", "req-123")
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.7");
                            return request;
                        }))
                .andExpect(status().isOk());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withHeader("Cookie", equalTo("session=" + visitor.cookie().getValue()))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.7"))
                .withHeader("X-Request-Id", equalTo("req-123")));
    }

    @Test
    void behindTheGatewayTheBrowsersAddressIsTheOneTheGatewaySaw() {
        RestClient.create("http://127.0.0.1:" + port).get().uri("/").header("X-Forwarded-For", "198.51.100.4")
                .retrieve().toBodilessEntity();

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets")).withHeader("X-Forwarded-For", equalTo("198.51.100.4")));
    }

    @Test
    void pagesUseBootstrapFromTheWebjarAndFitPhones() throws Exception {
        Document page = html(mvc.perform(get("/")).andReturn());

        String stylesheet = page.selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(stylesheet).startsWith("/webjars/bootstrap/").endsWith("/css/bootstrap.min.css");
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        mvc.perform(get(stylesheet)).andExpect(status().isOk());
    }

    @Test
    void anUnknownAddressGetsATidyNotFoundPage() throws Exception {
        ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + port).get().uri("/no/such/page").accept(MediaType.TEXT_HTML)
                .retrieve().onStatus(status -> true, (request, answer) -> { }).toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/html");
        Document page = Jsoup.parse(response.getBody());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(page.selectFirst(".alert-danger").text()).isEqualTo("There is no page at this address.");
        assertThat(page.select("header a.navbar-brand")).hasSize(1);
    }
}
