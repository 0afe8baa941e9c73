package dev.ticketing.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

class ForwardedHeadersTest extends GatewayTestBase {

    @Test
    void passesTheSessionCookieToTheService() {
        String path = unique("/api/users/currentuser-");

        send(request(path).header("Cookie", "session=eyJqd3QiOiJhYmMifQ==; theme=dark"));

        assertThat(received("auth", path).getHeader("Cookie")).isEqualTo("session=eyJqd3QiOiJhYmMifQ==; theme=dark");
    }

    @Test
    void passesEverySetCookieOfTheServiceBackUntouched() {
        String path = unique("/api/users/signin-");
        String session = "session=eyJqd3QiOiJhYmMifQ==; Path=/; HttpOnly; SameSite=Lax";
        String other = "seen=1; Path=/; Max-Age=60";
        upstream("auth").stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", session, other).withBody("{}")));

        HttpResponse<String> response = fetch(path);

        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(session, other);
    }

    @Test
    void tellsTheServiceTheCallersAddress() {
        String path = unique("/api/users/signup-");

        fetch(path);

        assertThat(forwardedFor(received("auth", path).getHeader("X-Forwarded-For"))).containsExactly("127.0.0.1");
    }

    @Test
    void replacesTheAddressACallerClaimsWithTheOneItSaw() {
        String path = unique("/api/users/signin-");

        send(request(path).header("X-Forwarded-For", "203.0.113.7").header("Forwarded", "for=203.0.113.8")
                .header("X-Real-IP", "203.0.113.9").header("X-Forwarded-Host", "evil.example"));

        LoggedRequest received = received("auth", path);
        assertThat(forwardedFor(received.getHeader("X-Forwarded-For"))).containsExactly("127.0.0.1");
        // the gateway writes a Forwarded header of its own, with what it saw
        assertThat(received.getHeader("Forwarded")).doesNotContain("203.0.113.8");
        assertThat(received.containsHeader("X-Real-IP")).isFalse();
        assertThat(received.getHeader("X-Forwarded-Host")).isNotEqualTo("evil.example");
    }

    @Nested
    @TestPropertySource(properties = "gateway.trusted-proxies=127\\.0\\.0\\.1")
    class BehindATrustedProxy extends GatewayTestBase {

        @Test
        void appendsTheProxysAddressToTheAddressesItWasForwardedFor() {
            String path = unique("/api/users/signin-");

            send(request(path).header("X-Forwarded-For", "203.0.113.7"));

            assertThat(forwardedFor(received("auth", path).getHeader("X-Forwarded-For")))
                    .containsExactly("203.0.113.7", "127.0.0.1");
        }
    }

    @Test
    void givesEveryRequestAnIdThatTheServiceAndTheCallerBothSee() {
        String path = unique("/api/tickets/");
        echoRequestId("tickets", path);

        HttpResponse<String> response = fetch(path);

        List<String> returned = response.headers().allValues("X-Request-Id");
        assertThat(returned).hasSize(1);
        assertThat(returned.get(0)).matches("[0-9a-f-]{36}");
        assertThat(received("tickets", path).getHeader("X-Request-Id")).isEqualTo(returned.get(0));
    }

    @Test
    void keepsTheRequestIdTheCallerSent() {
        String path = unique("/api/orders/");
        echoRequestId("orders", path);

        HttpResponse<String> response = send(request(path).header("X-Request-Id", "trace-42"));

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("trace-42");
        assertThat(received("orders", path).getHeader("X-Request-Id")).isEqualTo("trace-42");
    }

    @Test
    void replacesARequestIdThatCouldForgeLogLines() {
        String path = unique("/api/orders/");

        HttpResponse<String> response = send(request(path).header("X-Request-Id", "x".repeat(101)));

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(received("orders", path).getHeader("X-Request-Id")).isEqualTo(id);
    }

    private static void echoRequestId(String service, String path) {
        // like every service does (web-contract's RequestIdFilter)
        upstream(service).stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("X-Request-Id", "{{request.headers.X-Request-Id}}")
                .withTransformers("response-template")));
    }

    private static List<String> forwardedFor(String header) {
        assertThat(header).isNotNull();
        return Arrays.stream(header.split(",")).map(String::trim).toList();
    }
}
