package dev.ticketing.client.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ticketing.client.PageTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TicketListPageTest extends PageTest {

    @Test
    void listsTicketsWithTitlePriceInTwoDecimalsAndAViewLink() throws Exception {
        String concert = newId();
        String opera = newId();
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson("[" + ticketJson(concert, "Concert", "10.5", newId()) + ","
                        + ticketJson(opera, "Opera & <Ballet>", "1250000", newId()) + "]")));

        Document page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        List<Element> rows = page.select("tr.ticket");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td").eachText()).containsExactly("Concert", "$10.50", "View");
        assertThat(rows.get(0).selectFirst("a").attr("href")).isEqualTo("/tickets/" + concert);
        assertThat(rows.get(1).select("td").eachText()).containsExactly("Opera & <Ballet>", "$1,250,000.00", "View");
        assertThat(page.select(".table-responsive table")).hasSize(1);
        assertThat(page.select("nav[aria-label=Pages]")).isEmpty();
    }

    @Test
    void asksTheApiForOnePageAndFollowsItsLinkHeaderToOlderTickets() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson(tickets(20)).withHeader("Link", "</api/tickets?limit=20&cursor=AAAB-_x>; rel=\"next\"")));

        Document page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withQueryParam("limit", equalTo("20")).withoutQueryParam("cursor").withoutQueryParam("q")
                .withoutQueryParam("offset"));
        assertThat(page.select("tr.ticket")).hasSize(20);
        Element older = page.selectFirst("a[rel=next]");
        assertThat(older.text()).isEqualTo("Older tickets");
        assertThat(older.attr("href")).isEqualTo("/?cursor=AAAB-_x");
        assertThat(page.select("a[rel=first]")).isEmpty();
    }

    @Test
    void anOlderPageAsksTheApiFromItsCursorAndLinksBackToTheNewest() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson(tickets(3))));

        Document page = html(mvc.perform(get("/").param("cursor", "AAAB-_x")).andExpect(status().isOk()).andReturn());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withQueryParam("limit", equalTo("20")).withQueryParam("cursor", equalTo("AAAB-_x")));
        assertThat(page.select("tr.ticket")).hasSize(3);
        assertThat(page.select("a[rel=next]")).as("no Link header: the last page").isEmpty();
        assertThat(page.selectFirst("a[rel=first]").attr("href")).isEqualTo("/");
        assertThat(page.selectFirst("a[rel=first]").text()).isEqualTo("Newest tickets");
    }

    @Test
    void findsTheNextLinkAmongOthersWhateverItsParametersAndCase() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson(tickets(2)).withHeader("Link",
                        "</api/tickets?limit=20>; rel=\"first\"; title=\"a, b; c\", "
                                + "</api/tickets?limit=20&cursor=Zm9v>; type=\"application/json\"; REL=\"last Next\"")));

        Document page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?cursor=Zm9v");
    }

    @Test
    void searchingPassesTheWordsToTheApiAndKeepsThemInTheBoxAndAcrossPages() throws Exception {
        String jazz = newId();
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson("[" + ticketJson(jazz, "Jazz & Blues night", "30", newId()) + "]")
                        .withHeader("Link", "</api/tickets?q=jazz+%26+blues&limit=20&cursor=Y3Vy>; rel=\"next\"")));

        Document page = html(mvc.perform(get("/").param("q", " jazz & blues ")).andExpect(status().isOk()).andReturn());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withQueryParam("q", equalTo("jazz & blues")).withQueryParam("limit", equalTo("20")));
        assertThat(page.select("tr.ticket td").first().text()).isEqualTo("Jazz & Blues night");
        assertThat(page.selectFirst("main form[role=search] input[name=q]").val()).isEqualTo("jazz & blues");
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?q=jazz%20%26%20blues&cursor=Y3Vy");

        mvc.perform(get("/").param("q", "jazz & blues").param("cursor", "Y3Vy")).andExpect(status().isOk());
        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withQueryParam("q", equalTo("jazz & blues")).withQueryParam("cursor", equalTo("Y3Vy")));
    }

    @Test
    void theSearchBoxIsAPlainGetFormToTheHomePage() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets")).willReturn(okJson("[]")));

        Document page = html(mvc.perform(get("/")).andReturn());

        Element form = page.selectFirst("main form[role=search]");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/");
        assertThat(form.selectFirst("input[name=q]").attr("type")).isEqualTo("search");
        assertThat(form.select("label[for=q]")).hasSize(1);
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Search");
    }

    @Test
    void aSearchThatFindsNothingSaysSo() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets")).willReturn(okJson("[]")));

        Document page = html(mvc.perform(get("/").param("q", "tuba")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("table")).isEmpty();
        assertThat(page.selectFirst("main .card").text()).isEqualTo("No tickets match “tuba”.");
    }

    @Test
    void aBlankSearchListsEverything() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets")).willReturn(okJson(tickets(1))));

        mvc.perform(get("/").param("q", "   ").param("cursor", "")).andExpect(status().isOk());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets")).withoutQueryParam("q").withoutQueryParam("cursor"));
    }

    @Test
    void aCursorTheApiRefusesShowsItsMessage() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(errors(400, "[{\"message\":\"Cursor is not valid\",\"field\":\"cursor\"}]")));

        Document page = html(mvc.perform(get("/").param("cursor", "nonsense")).andExpect(status().isBadRequest()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Cursor is not valid");
    }

    @Test
    void saysSoWhenNothingIsOnSale() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson("[]")));

        Document page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("table")).isEmpty();
        assertThat(page.text()).contains("No tickets on sale right now.");
    }

    private static String tickets(int count) {
        return IntStream.range(0, count).mapToObj(i -> ticketJson(newId(), "Ticket " + i, "5", newId()))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
