package dev.ticketing.client.ticket;

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
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ticketing.client.PageTest;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class TicketPageTest extends PageTest {

    @Test
    void showsTitleAndPriceAndOffersPurchaseToOtherSignedInUsers() throws Exception {
        Visitor buyer = signedIn();
        String id = stubTicket("Concert", "25", newId());

        Document page = html(mvc.perform(get("/tickets/" + id).cookie(buyer.cookie())).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("main h1").text()).isEqualTo("Concert");
        assertThat(page.selectFirst("main .price").text()).isEqualTo("$25.00");
        var purchase = page.selectFirst("main form:has(button:contains(Purchase))");
        assertThat(purchase.attr("method")).isEqualTo("post");
        assertThat(purchase.attr("action")).isEqualTo("/tickets/" + id + "/purchase");
        assertThat(page.text()).doesNotContain("This is your ticket");
    }

    @Test
    void theSellersOwnTicketSaysSoInsteadOfOfferingPurchase() throws Exception {
        Visitor seller = signedIn();
        String id = stubTicket("Concert", "25", seller.id());

        Document page = html(mvc.perform(get("/tickets/" + id).cookie(seller.cookie())).andReturn());

        assertThat(page.selectFirst("main").text()).contains("This is your ticket");
        assertThat(page.select("button:contains(Purchase)")).isEmpty();
    }

    @Test
    void aSignedOutVisitorIsInvitedToSignInToPurchase() throws Exception {
        String id = stubTicket("Concert", "25", newId());

        Document page = html(mvc.perform(get("/tickets/" + id)).andReturn());

        assertThat(page.select("button:contains(Purchase)")).isEmpty();
        assertThat(page.selectFirst("main a:contains(Sign in to purchase)").attr("href"))
                .isEqualTo("/auth/signin?next=/tickets/" + id);
    }

    @Test
    void aReservedTicketSaysSoInsteadOfOfferingPurchase() throws Exception {
        Visitor buyer = signedIn();
        String id = newId();
        String reserved = ticketJson(id, "Concert", "25", newId()).replaceFirst("}$", ",\"orderId\":\"" + newId() + "\"}");
        api.stubFor(WireMock.get("/api/tickets/" + id).willReturn(okJson(reserved)));

        Document signedInPage = html(mvc.perform(get("/tickets/" + id).cookie(buyer.cookie())).andReturn());
        Document signedOutPage = html(mvc.perform(get("/tickets/" + id)).andReturn());

        assertThat(signedInPage.selectFirst("main .alert-warning").text()).startsWith("This ticket is reserved by an order.");
        assertThat(signedInPage.selectFirst("main .alert-warning a").attr("href")).isEqualTo("/orders");
        assertThat(signedInPage.select("button:contains(Purchase)")).isEmpty();
        assertThat(signedOutPage.selectFirst("main .alert-warning")).isNotNull();
        assertThat(signedOutPage.select("main a:contains(Sign in to purchase)")).isEmpty();
    }

    @Test
    void aNewlyListedTicketSaysItIsOnSale() throws Exception {
        Visitor seller = signedIn();
        String id = stubTicket("Concert", "25", seller.id());

        Document page = html(mvc.perform(get("/tickets/" + id).param("listed", "").cookie(seller.cookie())).andReturn());

        assertThat(page.selectFirst("main .alert-success").text()).isEqualTo("Your ticket is on sale.");
    }

    @Test
    void anUnknownTicketShowsTheApisNotFoundAsAnAlert() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets/missing")).willReturn(error(404, "Not found")));

        Document page = html(mvc.perform(get("/tickets/missing")).andExpect(status().isNotFound()).andReturn());

        assertThat(page.selectFirst("main h1").text()).isEqualTo("Not found");
        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Not found");
    }

    @Test
    void purchasingCreatesAnOrderAndGoesToIt() throws Exception {
        Visitor buyer = signedIn();
        String ticketId = newId();
        String orderId = newId();
        api.stubFor(post("/api/orders").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(orderJson(orderId, "created", buyer.id(), Instant.now().plusSeconds(900), "Concert", "25"))));

        mvc.perform(MockMvcRequestBuilders.post("/tickets/" + ticketId + "/purchase").cookie(buyer.cookie()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/orders/" + orderId));

        api.verify(postRequestedFor(urlPathEqualTo("/api/orders"))
                .withRequestBody(equalToJson("{\"ticketId\":\"" + ticketId + "\"}")));
    }

    @Test
    void aReservedTicketShowsTheApisMessageOnTheTicketsPage() throws Exception {
        Visitor buyer = signedIn();
        String id = stubTicket("Concert", "25", newId());
        api.stubFor(post("/api/orders").willReturn(error(400, "Ticket is already reserved")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/tickets/" + id + "/purchase").cookie(buyer.cookie()))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Ticket is already reserved");
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Concert");
        assertThat(page.select("header .nav-link").eachText()).contains("My Orders");
    }

    @Test
    void purchasingWhileSignedOutLeadsToSignInAndBackToTheTicket() throws Exception {
        String id = newId();
        api.stubFor(post("/api/orders").willReturn(error(401, "Not authorized")));

        mvc.perform(MockMvcRequestBuilders.post("/tickets/" + id + "/purchase"))
                .andExpect(redirectedUrl("/auth/signin?next=/tickets/" + id));
    }

    @Test
    void anUnreachableApiGivesAFriendlyPageNotAnErrorPage() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Document page = html(mvc.perform(get("/")).andExpect(status().isServiceUnavailable()).andReturn());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Temporarily unavailable");
        assertThat(page.selectFirst("main a:contains(Try again)").attr("href")).isEqualTo("/");
        assertThat(page.select("header .nav-link")).isEmpty();
    }

    @Test
    void anApiFailingOnItsSideGivesTheSameFriendlyPage() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets")).willReturn(error(500, "Something went wrong")));

        Document page = html(mvc.perform(get("/?page=2")).andExpect(status().isServiceUnavailable()).andReturn());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Temporarily unavailable");
        assertThat(page.selectFirst("main a:contains(Try again)").attr("href")).isEqualTo("/?page=2");
    }

    private static String stubTicket(String title, String price, String sellerId) {
        String id = newId();
        api.stubFor(WireMock.get("/api/tickets/" + id).willReturn(okJson(ticketJson(id, title, price, sellerId))));
        return id;
    }
}
