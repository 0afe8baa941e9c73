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
    void asksTheApiForOnePageAndOneMoreToKnowWhetherThereIsANextPage() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson(tickets(21))));

        Document page = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withQueryParam("limit", equalTo("21")).withQueryParam("offset", equalTo("0")));
        assertThat(page.select("tr.ticket")).hasSize(20);
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?page=2");
        assertThat(page.select("a[rel=prev]")).isEmpty();
    }

    @Test
    void laterPagesStartFurtherOnAndLinkBack() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson(tickets(3))));

        Document page = html(mvc.perform(get("/").param("page", "3")).andExpect(status().isOk()).andReturn());

        api.verify(getRequestedFor(urlPathEqualTo("/api/tickets"))
                .withQueryParam("limit", equalTo("21")).withQueryParam("offset", equalTo("40")));
        assertThat(page.select("tr.ticket")).hasSize(3);
        assertThat(page.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/?page=2");
        assertThat(page.select("a[rel=next]")).isEmpty();
        assertThat(page.selectFirst(".pagination .active").text()).isEqualTo("3");
    }

    @Test
    void aNonsensicalPageNumberShowsTheFirstPage() throws Exception {
        api.stubFor(WireMock.get(urlPathEqualTo("/api/tickets"))
                .willReturn(okJson(tickets(1))));

        mvc.perform(get("/").param("page", "-4")).andExpect(status().isOk());
        mvc.perform(get("/").param("page", "lots")).andExpect(status().isOk());

        api.verify(2, getRequestedFor(urlPathEqualTo("/api/tickets")).withQueryParam("offset", equalTo("0")));
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
