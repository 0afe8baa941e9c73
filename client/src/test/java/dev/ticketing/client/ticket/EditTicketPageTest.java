package dev.ticketing.client.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ticketing.client.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class EditTicketPageTest extends PageTest {

    @Test
    void aSignedOutVisitorIsSentToSignInAndBack() throws Exception {
        String id = newId();

        mvc.perform(get("/tickets/" + id + "/edit")).andExpect(redirectedUrl("/auth/signin?next=/tickets/" + id + "/edit"));
    }

    @Test
    void theSellerGetsTheFormFilledInWithTheTicketAsItIs() throws Exception {
        Visitor seller = signedIn();
        String id = newId();
        stubTicket(id, "Concert", "10.5", seller.id());

        Document page = html(mvc.perform(get("/tickets/" + id + "/edit").cookie(seller.cookie()))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("main h1").text()).isEqualTo("Edit Ticket");
        Element form = page.selectFirst("main form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/tickets/" + id + "/edit");
        assertThat(form.selectFirst("#title").val()).isEqualTo("Concert");
        assertThat(form.selectFirst("#price").val()).isEqualTo("10.50");
        assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Save");
    }

    @Test
    void someoneElsesTicketCannotBeEdited() throws Exception {
        Visitor visitor = signedIn();
        String id = newId();
        stubTicket(id, "Concert", "10", newId());

        Document page = html(mvc.perform(get("/tickets/" + id + "/edit").cookie(visitor.cookie()))
                .andExpect(status().isUnauthorized()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Not authorized");
        assertThat(page.select("main form")).isEmpty();
    }

    @Test
    void anUnknownTicketIsNotFound() throws Exception {
        Visitor seller = signedIn();
        api.stubFor(WireMock.get("/api/tickets/missing").willReturn(error(404, "Not found")));

        Document page = html(mvc.perform(get("/tickets/missing/edit").cookie(seller.cookie()))
                .andExpect(status().isNotFound()).andReturn());

        assertThat(page.select("main .alert-danger").eachText()).containsExactly("Not found");
    }

    @Test
    void savingPutsTheTitleAndPriceAndLandsOnMyTicketsSayingSo() throws Exception {
        Visitor seller = signedIn();
        String id = newId();
        api.stubFor(put("/api/tickets/" + id).willReturn(okJson(ticketJson(id, "Concert, row 2", "12", seller.id()))));

        mvc.perform(post("/tickets/" + id + "/edit").cookie(seller.cookie())
                        .param("title", "Concert, row 2").param("price", "$12"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tickets/mine?edited=" + id));

        api.verify(putRequestedFor(urlPathEqualTo("/api/tickets/" + id))
                .withRequestBody(equalToJson("{\"title\":\"Concert, row 2\",\"price\":12}")));
        api.stubFor(WireMock.get("/api/tickets/mine").willReturn(okJson("["
                + MyTicketsPageTest.listingJson(id, "Concert, row 2", "12", seller.id(), "available") + "]")));
        Document page = html(mvc.perform(get("/tickets/mine").param("edited", id).cookie(seller.cookie())).andReturn());
        assertThat(page.selectFirst("main .alert-success").text()).isEqualTo("Saved: Concert, row 2 is on sale at $12.00.");
    }

    @Test
    void showsEachValidationErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        Visitor seller = signedIn();
        String id = newId();
        api.stubFor(put("/api/tickets/" + id).willReturn(errors(400, """
                [{"message":"Title is required","field":"title"},
                 {"message":"Price must have at most 2 decimals","field":"price"}]""")));

        Document page = html(mvc.perform(post("/tickets/" + id + "/edit").cookie(seller.cookie())
                        .param("title", "").param("price", "1.234"))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.selectFirst("#title-error").text()).isEqualTo("Title is required");
        assertThat(page.selectFirst("#price-error").text()).isEqualTo("Price must have at most 2 decimals");
        assertThat(page.selectFirst("#price").val()).isEqualTo("1.234");
        assertThat(page.selectFirst("main form").attr("action")).isEqualTo("/tickets/" + id + "/edit");
    }

    @Test
    void aTicketReservedMeanwhileOrChangedBySomeoneElseIsSaidAboveTheForm() throws Exception {
        Visitor seller = signedIn();
        String reserved = newId();
        String changed = newId();
        api.stubFor(put("/api/tickets/" + reserved).willReturn(error(400, "Cannot edit a reserved ticket")));
        api.stubFor(put("/api/tickets/" + changed).willReturn(error(409, "Ticket was changed by someone else, reload and retry")));

        Document first = html(mvc.perform(post("/tickets/" + reserved + "/edit").cookie(seller.cookie())
                .param("title", "Concert").param("price", "10")).andExpect(status().isBadRequest()).andReturn());
        Document second = html(mvc.perform(post("/tickets/" + changed + "/edit").cookie(seller.cookie())
                .param("title", "Concert").param("price", "10")).andExpect(status().isConflict()).andReturn());

        assertThat(first.select("main .alert-danger").eachText()).containsExactly("Cannot edit a reserved ticket");
        assertThat(second.select("main .alert-danger").eachText())
                .containsExactly("Ticket was changed by someone else, reload and retry");
        assertThat(second.selectFirst("#title").val()).isEqualTo("Concert");
    }

    @Test
    void aSessionThatRanOutWhileEditingLeadsToSignInAndBackToTheForm() throws Exception {
        String id = newId();
        api.stubFor(put("/api/tickets/" + id).willReturn(error(401, "Not authorized")));

        mvc.perform(post("/tickets/" + id + "/edit").param("title", "Concert").param("price", "10"))
                .andExpect(redirectedUrl("/auth/signin?next=/tickets/" + id + "/edit"));
    }

    private static void stubTicket(String id, String title, String price, String userId) {
        api.stubFor(WireMock.get("/api/tickets/" + id).willReturn(okJson(ticketJson(id, title, price, userId))));
    }
}
