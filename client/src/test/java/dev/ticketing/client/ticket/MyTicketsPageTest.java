package dev.ticketing.client.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ticketing.client.PageTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MyTicketsPageTest extends PageTest {

    @Test
    void aSignedOutVisitorIsSentToSignInAndBack() throws Exception {
        mvc.perform(get("/tickets/mine")).andExpect(redirectedUrl("/auth/signin?next=/tickets/mine"));
    }

    @Test
    void listsTheSellersTicketsWithTheirStatusAndAnEditLinkForThoseStillOnSale() throws Exception {
        Visitor seller = signedIn();
        String onSale = newId();
        String held = newId();
        String gone = newId();
        api.stubFor(WireMock.get("/api/tickets/mine").willReturn(okJson("["
                + listingJson(onSale, "Opera", "40", seller.id(), "available") + ","
                + listingJson(held, "Concert", "25.5", seller.id(), "reserved") + ","
                + listingJson(gone, "Ballet", "12", seller.id(), "sold") + "]")));

        Document page = html(mvc.perform(get("/tickets/mine").cookie(seller.cookie())).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("main h1").text()).isEqualTo("My Tickets");
        List<Element> rows = page.select("tr.listing");
        assertThat(rows).extracting(row -> row.selectFirst("td").text()).containsExactly("Opera", "Concert", "Ballet");
        assertThat(rows.get(1).select("td").eachText()).containsExactly("Concert", "$25.50", "reserved", "View");
        assertThat(rows).extracting(row -> row.selectFirst(".badge.status").text())
                .containsExactly("available", "reserved", "sold");
        assertThat(rows).extracting(row -> row.selectFirst(".badge.status").className())
                .containsExactly("badge status text-bg-primary", "badge status text-bg-warning", "badge status text-bg-success");
        assertThat(rows.get(0).select("a:contains(Edit)").attr("href")).isEqualTo("/tickets/" + onSale + "/edit");
        assertThat(rows.get(1).select("a:contains(Edit)")).isEmpty();
        assertThat(rows.get(2).select("a:contains(Edit)")).isEmpty();
        assertThat(rows.get(2).select("a:contains(View)").attr("href")).isEqualTo("/tickets/" + gone);
    }

    @Test
    void saysSoWhenTheSellerHasNoTickets() throws Exception {
        Visitor seller = signedIn();
        api.stubFor(WireMock.get("/api/tickets/mine").willReturn(okJson("[]")));

        Document page = html(mvc.perform(get("/tickets/mine").cookie(seller.cookie())).andReturn());

        assertThat(page.selectFirst("main").text()).contains("You have no tickets on sale.");
        assertThat(page.selectFirst("main a:contains(Sell a ticket)").attr("href")).isEqualTo("/tickets/new");
    }

    static String listingJson(String id, String title, String price, String userId, String status) {
        return """
                {"id":"%s","title":"%s","price":%s,"userId":"%s","version":0,"status":"%s"}"""
                .formatted(id, title, price, userId, status);
    }
}
