package dev.ticketing.client.order;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ticketing.client.PageTest;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** With a publishable key the pay form takes the card through Stripe Elements (not run here: no internet). */
@TestPropertySource(properties = "client.stripe.publishable-key=pk_test_example")
class StripeElementsTest extends PageTest {

    @Test
    void thePayFormMountsStripeElementsAndPostsThePaymentMethodAsTheToken() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        api.stubFor(WireMock.get("/api/orders/" + id).willReturn(okJson(
                orderJson(id, "created", buyer.id(), Instant.now().plusSeconds(600), "Concert", "25"))));

        Document page = html(mvc.perform(get("/orders/" + id).cookie(buyer.cookie())).andReturn());

        Element form = page.selectFirst("#pay-form");
        assertThat(form.attr("data-stripe-key")).isEqualTo("pk_test_example");
        assertThat(form.selectFirst("input[name=token]").attr("type")).isEqualTo("hidden");
        assertThat(form.select("#card-element")).hasSize(1);
        assertThat(page.select("script[src=https://js.stripe.com/v3/]")).hasSize(1);
        assertThat(page.select("main script").html()).contains("createPaymentMethod").contains("paymentMethod.id");
        assertThat(page.select("#countdown")).hasSize(1);
    }

    @Test
    void aPaymentTheBankMustConfirmGoesThroughStripeJsConfirmCardPayment() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        api.stubFor(WireMock.get("/api/orders/" + id).willReturn(okJson(
                orderJson(id, "created", buyer.id(), Instant.now().plusSeconds(600), "Concert", "25"))));
        api.stubFor(WireMock.post("/api/payments").willReturn(WireMock.aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","status":"requires_action","paymentIntentId":"pi_1","clientSecret":"pi_1_secret_2"}"""
                        .formatted(newId()))));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie())
                .param("token", "pm_card_threeDSecure2Required")).andReturn());

        Element state = page.selectFirst("#bank-confirmation");
        assertThat(state.selectFirst("p").text()).isEqualTo("Your card's bank needs you to confirm this payment.");
        assertThat(state.attr("data-client-secret")).isEqualTo("pi_1_secret_2");
        assertThat(state.attr("data-paid-url")).isEqualTo("/orders?paid=" + id);
        assertThat(state.text()).doesNotContain("pending");
        assertThat(page.select("script[src=https://js.stripe.com/v3/]")).hasSize(1);
        assertThat(page.selectFirst("#bank-confirmation-script").attr("data-stripe-key")).isEqualTo("pk_test_example");
        assertThat(page.select("main script").html()).contains("confirmCardPayment(").doesNotContain("createPaymentMethod");
        assertThat(page.select("#pay-form")).isEmpty();
    }
}
