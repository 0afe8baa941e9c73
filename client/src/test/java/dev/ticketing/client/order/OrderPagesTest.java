package dev.ticketing.client.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ticketing.client.PageTest;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class OrderPagesTest extends PageTest {

    @Test
    void aSignedOutVisitorIsSentToSignInAndBackFromEitherPage() throws Exception {
        mvc.perform(get("/orders")).andExpect(redirectedUrl("/auth/signin?next=/orders"));
        mvc.perform(get("/orders/abc")).andExpect(redirectedUrl("/auth/signin?next=/orders/abc"));
    }

    @Test
    void listsTheBuyersOrdersNewestFirstWithTheirStatusInColour() throws Exception {
        Visitor buyer = signedIn();
        String first = newId();
        String second = newId();
        String third = newId();
        api.stubFor(WireMock.get("/api/orders").willReturn(okJson("[" // the API lists oldest first
                + orderJson(first, "cancelled", buyer.id(), Instant.now().minusSeconds(900), "Opera", "40") + ","
                + orderJson(second, "complete", buyer.id(), Instant.now().minusSeconds(60), "Concert", "25.5") + ","
                + orderJson(third, "created", buyer.id(), Instant.now().plusSeconds(600), "Ballet", "12") + "]")));

        Document page = html(mvc.perform(get("/orders").cookie(buyer.cookie())).andExpect(status().isOk()).andReturn());

        List<Element> rows = page.select("tr.order");
        assertThat(rows).extracting(row -> row.selectFirst("td").text()).containsExactly("Ballet", "Concert", "Opera");
        assertThat(rows.get(1).select("td").eachText()).containsExactly("Concert", "$25.50", "complete", "View");
        assertThat(rows).extracting(row -> row.selectFirst(".badge.status").className())
                .containsExactly("badge status text-bg-warning", "badge status text-bg-success", "badge status text-bg-secondary");
        assertThat(rows.get(0).selectFirst("a").attr("href")).isEqualTo("/orders/" + third);
    }

    @Test
    void saysSoWhenThereAreNoOrders() throws Exception {
        Visitor buyer = signedIn();
        api.stubFor(WireMock.get("/api/orders").willReturn(okJson("[]")));

        Document page = html(mvc.perform(get("/orders").cookie(buyer.cookie())).andReturn());

        assertThat(page.selectFirst("main").text()).contains("No orders yet.");
    }

    @Test
    void anOpenOrderCountsDownTheSecondsLeftToPayAndShowsTheDeadline() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        Instant expiresAt = Instant.parse("2100-01-01T18:40:00Z");
        stubOrder(id, "created", buyer, expiresAt);

        Document page = html(mvc.perform(get("/orders/" + id).cookie(buyer.cookie())).andExpect(status().isOk()).andReturn());

        Element countdown = page.selectFirst("#countdown");
        long secondsLeft = Long.parseLong(countdown.attr("data-seconds-left"));
        assertThat(secondsLeft).isBetween(expiresAt.getEpochSecond() - Instant.now().getEpochSecond() - 60,
                expiresAt.getEpochSecond() - Instant.now().getEpochSecond());
        assertThat(countdown.selectFirst("p").text()).isEqualTo("Time left to pay: " + secondsLeft + " seconds");
        assertThat(countdown.selectFirst("time").attr("datetime")).isEqualTo("2100-01-01T18:40:00Z");
        assertThat(countdown.selectFirst("time").text()).isEqualTo("18:40:00 UTC");
        assertThat(page.select("main script").html()).contains("setInterval(tick, 1000)").contains("Order Expired");
        assertThat(page.text()).doesNotContain("Order Expired");
    }

    @Test
    void theOpenOrdersPayFormPostsACardTokenPrefilledWithTheTestCard() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "created", buyer, Instant.now().plusSeconds(600));

        Document page = html(mvc.perform(get("/orders/" + id).cookie(buyer.cookie())).andReturn());

        Element form = page.selectFirst("#pay-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/orders/" + id + "/pay");
        assertThat(form.selectFirst("input[name=token]").val()).isEqualTo("tok_visa");
        assertThat(form.selectFirst("button").text()).isEqualTo("Pay $25.00");
        assertThat(page.select("script[src*=js.stripe.com]")).isEmpty();
    }

    @Test
    void anOrderPastItsDeadlineSaysOrderExpiredAndCannotBePaid() throws Exception {
        Visitor buyer = signedIn();
        String open = newId();
        stubOrder(open, "created", buyer, Instant.now().minusSeconds(1));
        String cancelledByExpiry = newId();
        stubOrder(cancelledByExpiry, "cancelled", buyer, Instant.now().minusSeconds(60));

        for (String id : List.of(open, cancelledByExpiry)) {
            Document page = html(mvc.perform(get("/orders/" + id).cookie(buyer.cookie())).andExpect(status().isOk()).andReturn());

            assertThat(page.selectFirst("main .alert").text()).isEqualTo("Order Expired");
            assertThat(page.select("#pay-form, #countdown, main script")).isEmpty();
        }
    }

    @Test
    void aCancelledOrderBeforeItsDeadlineSaysOrderCancelled() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "cancelled", buyer, Instant.now().plusSeconds(600));

        Document page = html(mvc.perform(get("/orders/" + id).cookie(buyer.cookie())).andReturn());

        assertThat(page.selectFirst("main .alert").text()).isEqualTo("Order Cancelled");
        assertThat(page.select("#pay-form")).isEmpty();
    }

    @Test
    void aPaidOrderSaysItIsComplete() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "complete", buyer, Instant.now().minusSeconds(600));

        Document page = html(mvc.perform(get("/orders/" + id).cookie(buyer.cookie())).andReturn());

        assertThat(page.selectFirst("main .alert-success").text()).isEqualTo("Paid: this order is complete.");
        assertThat(page.select("#pay-form")).isEmpty();
        assertThat(page.text()).doesNotContain("Order Expired");
    }

    @Test
    void anotherUsersOrderShowsTheApisMessage() throws Exception {
        Visitor buyer = signedIn();
        api.stubFor(WireMock.get("/api/orders/theirs").willReturn(error(401, "Not authorized")));

        Document page = html(mvc.perform(get("/orders/theirs").cookie(buyer.cookie())).andExpect(status().isUnauthorized())
                .andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Not authorized");
        assertThat(page.select("header .nav-link").eachText()).contains("My Orders");
    }

    @Test
    void payingPostsTheTokenAndLandsOnMyOrdersWithTheOrderComplete() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        api.stubFor(post("/api/payments").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + newId() + "\"}")));
        // the orders service hears of the payment a moment later
        api.stubFor(WireMock.get("/api/orders/" + id).inScenario("pay").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(orderJson(id, "created", buyer.id(), Instant.now().plusSeconds(600), "Concert", "25")))
                .willSetStateTo("completed"));
        api.stubFor(WireMock.get("/api/orders/" + id).inScenario("pay").whenScenarioStateIs("completed")
                .willReturn(okJson(orderJson(id, "complete", buyer.id(), Instant.now().plusSeconds(600), "Concert", "25"))));

        mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie()).param("token", "tok_visa"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/orders?paid=" + id));

        api.verify(postRequestedFor(urlPathEqualTo("/api/payments"))
                .withRequestBody(equalToJson("{\"token\":\"tok_visa\",\"orderId\":\"" + id + "\"}")));
        api.verify(2, WireMock.getRequestedFor(urlPathEqualTo("/api/orders/" + id)));

        api.stubFor(WireMock.get("/api/orders").willReturn(okJson("["
                + orderJson(id, "complete", buyer.id(), Instant.now().plusSeconds(600), "Concert", "25") + "]")));
        Document page = html(mvc.perform(get("/orders").param("paid", id).cookie(buyer.cookie())).andReturn());
        assertThat(page.selectFirst("main .alert-success").text()).isEqualTo("Payment received: your order for Concert is complete.");
    }

    @Test
    void aPaymentTheOrdersServiceHasNotHeardOfYetStillLandsOnMyOrders() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        api.stubFor(post("/api/payments").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + newId() + "\"}")));
        stubOrder(id, "created", buyer, Instant.now().plusSeconds(600));

        mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie()).param("token", "tok_visa"))
                .andExpect(redirectedUrl("/orders?paid=" + id));

        api.stubFor(WireMock.get("/api/orders").willReturn(okJson("["
                + orderJson(id, "created", buyer.id(), Instant.now().plusSeconds(600), "Concert", "25") + "]")));
        Document page = html(mvc.perform(get("/orders").param("paid", id).cookie(buyer.cookie())).andReturn());
        assertThat(page.selectFirst("main .alert-success").text())
                .isEqualTo("Payment received: your order for Concert will show as complete in a moment.");
    }

    @Test
    void aCardWhoseBankMustConfirmThePaymentSaysSoAndThatTheConfirmationIsPending() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "created", buyer, Instant.now().plusSeconds(600));
        api.stubFor(post("/api/payments").willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"%s","status":"requires_action","paymentIntentId":"pi_sim_1","clientSecret":"pi_sim_1_secret_2"}"""
                        .formatted(newId()))));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie())
                .param("token", "tok_threeDSecure2Required")).andExpect(status().isOk()).andReturn());

        Element state = page.selectFirst("#bank-confirmation");
        assertThat(state.selectFirst("p").text()).isEqualTo("Your card's bank needs you to confirm this payment.");
        assertThat(state.text()).contains("The confirmation is pending");
        assertThat(state.selectFirst("a:contains(Check again)").attr("href")).isEqualTo("/orders/" + id);
        assertThat(state.hasAttr("data-client-secret")).as("no Stripe.js to hand the secret to").isFalse();
        assertThat(page.select("#pay-form")).isEmpty();
        assertThat(page.select("#countdown")).hasSize(1);
        assertThat(page.select("main .alert-danger")).isEmpty();
        assertThat(page.select("script[src*=js.stripe.com]")).isEmpty();
        api.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/api/orders/" + id)));
    }

    @Test
    void anotherCardWhileTheBankConfirmationIsAwaitedShowsTheApisMessage() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "created", buyer, Instant.now().plusSeconds(600));
        String message = "A payment for this order awaits the confirmation of its card's bank, try again shortly";
        api.stubFor(post("/api/payments").willReturn(error(409, message)));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie())
                .param("token", "tok_visa")).andExpect(status().isConflict()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly(message);
        assertThat(page.select("#pay-form")).hasSize(1);
    }

    @Test
    void aDeclinedCardShowsTheProvidersMessageAboveThePayForm() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "created", buyer, Instant.now().plusSeconds(600));
        api.stubFor(post("/api/payments").willReturn(error(402, "Your card was declined.")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie())
                .param("token", "tok_chargeDeclined")).andExpect(status().isPaymentRequired()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Your card was declined.");
        assertThat(page.select("#pay-form")).hasSize(1);
        assertThat(page.select("#countdown")).hasSize(1);
    }

    @Test
    void aMissingTokenIsShownNextToTheTokenField() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "created", buyer, Instant.now().plusSeconds(600));
        api.stubFor(post("/api/payments").willReturn(errors(400, "[{\"message\":\"Token is required\",\"field\":\"token\"}]")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie())
                .param("token", "")).andExpect(status().isBadRequest()).andReturn());

        assertThat(page.selectFirst("#token").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#token-error").text()).isEqualTo("Token is required");
        assertThat(page.select("main .alert-danger")).isEmpty();
    }

    @Test
    void payingAnExpiredOrderShowsTheApisMessage() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        stubOrder(id, "created", buyer, Instant.now().minusSeconds(5));
        api.stubFor(post("/api/payments").willReturn(error(400, "Order has expired")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").cookie(buyer.cookie())
                .param("token", "tok_visa")).andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Order has expired");
        assertThat(page.selectFirst("main .alert-secondary").text()).isEqualTo("Order Expired");
    }

    @Test
    void payingWithASessionThatRanOutLeadsToSignInAndBackToTheOrder() throws Exception {
        String id = newId();
        api.stubFor(post("/api/payments").willReturn(error(401, "Not authorized")));

        mvc.perform(MockMvcRequestBuilders.post("/orders/" + id + "/pay").param("token", "tok_visa"))
                .andExpect(redirectedUrl("/auth/signin?next=/orders/" + id));
    }

    private static void stubOrder(String id, String status, Visitor buyer, Instant expiresAt) {
        api.stubFor(WireMock.get("/api/orders/" + id)
                .willReturn(okJson(orderJson(id, status, buyer.id(), expiresAt, "Concert", "25"))));
    }
}
