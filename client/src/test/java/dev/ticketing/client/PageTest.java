package dev.ticketing.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every page test shares one application context, with WireMock standing in for the gateway's JSON
 * APIs. Each test stubs what it needs with fresh random ids, and reads the page as HTML. The server
 * also listens on a random port, for what only a servlet container does (its error pages).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class PageTest {

    protected static final WireMockServer api = new WireMockServer(options().dynamicPort());

    static {
        api.start();
        Runtime.getRuntime().addShutdownHook(new Thread(api::stop));
    }

    @DynamicPropertySource
    static void pointAtWireMock(DynamicPropertyRegistry registry) {
        registry.add("client.api.url", api::baseUrl);
        registry.add("client.page-size", () -> 20);
        registry.add("client.payment-settle-timeout", () -> "1s");
    }

    @Autowired
    protected MockMvc mvc;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void forgetStubs() {
        api.resetAll();
    }

    /** A signed-in visitor: the browser holds {@code cookie}, and the auth API knows who it is. */
    protected record Visitor(String id, String email, Cookie cookie) {
    }

    protected static Visitor signedIn() {
        String id = UUID.randomUUID().toString();
        String email = "user-" + id.substring(0, 8) + "@example.com";
        String session = "session-" + UUID.randomUUID();
        api.stubFor(get("/api/users/currentuser").withCookie("session", equalTo(session))
                .willReturn(okJson("""
                        {"currentUser":{"id":"%s","email":"%s","iat":1700000000}}""".formatted(id, email))));
        return new Visitor(id, email, new Cookie("session", session));
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    protected static String ticketJson(String id, String title, String price, String userId) {
        return """
                {"id":"%s","title":"%s","price":%s,"userId":"%s","version":0}""".formatted(id, title, price, userId);
    }

    protected static String orderJson(String id, String status, String userId, Instant expiresAt, String title, String price) {
        return """
                {"id":"%s","status":"%s","userId":"%s","expiresAt":"%s","version":0,
                 "ticket":{"id":"%s","title":"%s","price":%s,"version":1}}"""
                .formatted(id, status, userId, expiresAt, newId(), title, price);
    }

    protected static ResponseDefinitionBuilder errors(int status, String errorsJson) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":" + errorsJson + "}");
    }

    protected static ResponseDefinitionBuilder error(int status, String message) {
        return errors(status, "[{\"message\":\"" + message + "\"}]");
    }

    protected static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

}
