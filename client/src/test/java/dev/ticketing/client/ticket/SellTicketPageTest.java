package dev.ticketing.client.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketing.client.PageTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class SellTicketPageTest extends PageTest {

    @Test
    void aSignedOutVisitorIsSentToSignInAndBack() throws Exception {
        mvc.perform(get("/tickets/new")).andExpect(redirectedUrl("/auth/signin?next=/tickets/new"));
    }

    @Test
    void aSignedInVisitorGetsTheFormWithTitleAndPrice() throws Exception {
        Visitor seller = signedIn();

        Document page = html(mvc.perform(get("/tickets/new").cookie(seller.cookie())).andExpect(status().isOk()).andReturn());

        var form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/tickets");
        assertThat(form.select("input[name=title]")).hasSize(1);
        assertThat(form.select("input[name=price]")).hasSize(1);
    }

    @Test
    void sellingSendsThePriceAsANumberAndShowsTheNewTicket() throws Exception {
        Visitor seller = signedIn();
        String id = newId();
        api.stubFor(post("/api/tickets").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(ticketJson(id, "Concert", "10.5", seller.id()))));

        mvc.perform(MockMvcRequestBuilders.post("/tickets").cookie(seller.cookie())
                        .param("title", "Concert").param("price", " 10.5 "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tickets/" + id + "?listed"));

        api.verify(postRequestedFor(urlPathEqualTo("/api/tickets"))
                .withRequestBody(equalToJson("{\"title\":\"Concert\",\"price\":10.5}")));
    }

    @Test
    void showsEachValidationErrorNextToItsFieldWithThePriceInTwoDecimals() throws Exception {
        Visitor seller = signedIn();
        api.stubFor(post("/api/tickets").willReturn(errors(400, """
                [{"message":"Title is required","field":"title"},
                 {"message":"Price must be at most 1000000","field":"price"}]""")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/tickets").cookie(seller.cookie())
                        .param("title", " ").param("price", "2000000"))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.selectFirst("#title").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#title-error").text()).isEqualTo("Title is required");
        assertThat(page.selectFirst("#price").hasClass("is-invalid")).isTrue();
        assertThat(page.selectFirst("#price").val()).isEqualTo("2000000.00");
        assertThat(page.selectFirst("#price-error").text()).isEqualTo("Price must be at most 1000000");
        assertThat(page.select("header .nav-link").eachText()).contains("Sell Tickets");
    }

    @Test
    void aPriceThatIsNotANumberIsSentAsMissingSoTheApiSaysWhatAPriceMustBe() throws Exception {
        Visitor seller = signedIn();
        api.stubFor(post("/api/tickets").willReturn(errors(400,
                "[{\"message\":\"Price must be greater than 0\",\"field\":\"price\"}]")));

        Document page = html(mvc.perform(MockMvcRequestBuilders.post("/tickets").cookie(seller.cookie())
                .param("title", "Concert").param("price", "ten")).andReturn());

        api.verify(postRequestedFor(urlPathEqualTo("/api/tickets"))
                .withRequestBody(equalToJson("{\"title\":\"Concert\",\"price\":null}")));
        assertThat(page.selectFirst("#price").val()).isEqualTo("ten");
        assertThat(page.selectFirst("#price-error").text()).isEqualTo("Price must be greater than 0");
        assertThat(page.selectFirst("#title").val()).isEqualTo("Concert");
    }

    @Test
    void aSessionThatRanOutWhileSellingLeadsToSignIn() throws Exception {
        api.stubFor(post("/api/tickets").willReturn(error(401, "Not authorized")));

        mvc.perform(MockMvcRequestBuilders.post("/tickets").param("title", "Concert").param("price", "10"))
                .andExpect(redirectedUrl("/auth/signin?next=/tickets/new"));
    }
}
