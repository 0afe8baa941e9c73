package dev.ticketing.tickets.ticket;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.testing.ApiSliceTest;
import dev.ticketing.common.web.ApiException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/tickets as the web layer alone answers it: what it accepts, and how each refusal is answered. */
@ApiSliceTest(TicketController.class)
class TicketControllerTest {

    static final UUID SELLER = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionTokens tokens;

    @MockitoBean
    TicketService tickets;

    @Test
    void sellsTheTicketWithItsTitleTrimmedAndItsPriceReadFromANumericString() throws Exception {
        UUID id = UUID.randomUUID();
        given(tickets.create(SELLER, "Concert", new BigDecimal("10.50")))
                .willReturn(new Ticket(id, "Concert", new BigDecimal("10.50"), SELLER, 0, null));

        send(signedIn(post("/api/tickets")), "{\"title\":\"  Concert  \",\"price\":\"10.50\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id.toString()))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.orderId").doesNotExist());
    }

    @Test
    void requiresASessionBeforeLookingAtTheBody() throws Exception {
        send(post("/api/tickets"), "{}")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].message").value("Not authorized"));
        verifyNoInteractions(tickets);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"price":10}                              | title | Title is required
            {"title":"   ","price":10}                | title | Title is required
            {"title":"Concert"}                       | price | Price must be greater than 0
            {"title":"Concert","price":"abc"}         | price | Price must be greater than 0
            {"title":"Concert","price":0}             | price | Price must be greater than 0
            {"title":"Concert","price":1000000.01}    | price | Price must be at most 1000000
            {"title":"Concert","price":10.555}        | price | Price must have at most 2 decimals
            """)
    void rejectsAnInvalidTicketWithTheSpecsMessageForTheField(String body, String field, String message) throws Exception {
        expectFieldError(send(signedIn(post("/api/tickets")), body), field, message);
        expectFieldError(send(signedIn(put("/api/tickets/{id}", UUID.randomUUID())), body), field, message);
        verifyNoInteractions(tickets);
    }

    @Test
    void rejectsATitleOverTwoHundredCharacters() throws Exception {
        String body = "{\"title\":\"" + "x".repeat(201) + "\",\"price\":10}";

        expectFieldError(send(signedIn(post("/api/tickets")), body), "title", "Title must be at most 200 characters");
    }

    @Test
    void givesOneEntryPerFailingField() throws Exception {
        send(signedIn(post("/api/tickets")), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[1].field").value("price"));
    }

    @Test
    void answersAMalformedBodyWithInvalidJsonBody() throws Exception {
        send(signedIn(post("/api/tickets")), "{\"title\":")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Invalid JSON body"));
    }

    @ParameterizedTest
    @CsvSource({"limit,-1,Limit must be a non-negative integer", "offset,x,Offset must be a non-negative integer"})
    void rejectsANegativeOrNonNumericPagingParameter(String name, String value, String message) throws Exception {
        expectFieldError(mvc.perform(get("/api/tickets").param(name, value)), name, message);
    }

    @Test
    void answersAMalformedIdInThePathWithNotFound() throws Exception {
        expectMessage(mvc.perform(get("/api/tickets/not-a-uuid")), 404, "Not found");
    }

    @Test
    void answersAnUnknownTicketWithNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        given(tickets.find(id)).willThrow(ApiException.notFound());

        expectMessage(mvc.perform(get("/api/tickets/{id}", id)), 404, "Not found");
    }

    @Test
    void answersAnEditOfAReservedTicketWith400AndAConcurrentEditWith409() throws Exception {
        UUID reserved = UUID.randomUUID();
        UUID raced = UUID.randomUUID();
        given(tickets.edit(SELLER, reserved, "Concert", new BigDecimal("10")))
                .willThrow(ApiException.badRequest(TicketService.RESERVED));
        given(tickets.edit(SELLER, raced, "Concert", new BigDecimal("10")))
                .willThrow(ApiException.conflict(TicketService.CHANGED_MEANWHILE));
        String body = "{\"title\":\"Concert\",\"price\":10}";

        expectMessage(send(signedIn(put("/api/tickets/{id}", reserved)), body), 400, "Cannot edit a reserved ticket");
        expectMessage(send(signedIn(put("/api/tickets/{id}", raced)), body), 409,
                "Ticket was changed by someone else, reload and retry");
    }

    @Test
    void answersAnUnexpectedFailureWith500AndNoDetail() throws Exception {
        given(tickets.ofSeller(any())).willThrow(new IllegalStateException("connection string postgres://secret"));

        mvc.perform(signedIn(get("/api/tickets/mine")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().json("{\"errors\":[{\"message\":\"Something went wrong\"}]}", true));
    }

    @Test
    void listsTheCallersOwnTickets() throws Exception {
        mvc.perform(signedIn(get("/api/tickets/mine"))).andExpect(status().isOk());

        verify(tickets).ofSeller(SELLER);
    }

    private MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(SELLER, "seller@example.com"));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void expectFieldError(ResultActions answer, String field, String message) throws Exception {
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private static void expectMessage(ResultActions answer, int status, String message) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andExpect(jsonPath("$.errors[0].field").doesNotExist());
    }
}
