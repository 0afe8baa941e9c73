package dev.ticketing.orders.order;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.common.session.SessionTokens;
import dev.ticketing.common.testing.ApiSliceTest;
import dev.ticketing.common.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** /api/orders as the web layer alone answers it: what it accepts, and how each refusal is answered. */
@ApiSliceTest(OrderController.class)
class OrderControllerTest {

    static final UUID BUYER = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionTokens tokens;

    @MockitoBean
    OrderService orders;

    @Test
    void placesAnOrderAndSaysWhereItIs() throws Exception {
        UUID ticket = UUID.randomUUID();
        Order placed = new Order(UUID.randomUUID(), OrderStatus.CREATED, BUYER, Instant.parse("2026-11-25T18:40:00Z"), 0,
                new Order.Ticket(ticket, "Concert", new BigDecimal("10.00"), 0));
        given(orders.place(BUYER, ticket)).willReturn(placed);

        place("{\"ticketId\":\"" + ticket + "\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/orders/" + placed.id()))
                .andExpect(jsonPath("$.status").value("created"))
                .andExpect(jsonPath("$.expiresAt").value("2026-11-25T18:40:00.000Z"))
                .andExpect(jsonPath("$.ticket.id").value(ticket.toString()));
    }

    @Test
    void requiresASessionOnEveryRouteBeforeLookingAtTheRequest() throws Exception {
        UUID id = UUID.randomUUID();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                post("/api/orders").contentType(MediaType.APPLICATION_JSON).content("{}"), get("/api/orders"),
                get("/api/orders/{id}", id), delete("/api/orders/{id}", id), get("/api/orders/not-a-uuid")}) {
            expectMessage(mvc.perform(request), 401, "Not authorized");
        }
        verifyNoInteractions(orders);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"ticketId\":null}", "{\"ticketId\":\"\"}", "{\"ticketId\":\"   \"}",
            "{\"ticketId\":\"not-a-uuid\"}", "{\"ticketId\":42}"})
    void rejectsAMissingOrMalformedTicketIdWithOneEntry(String body) throws Exception {
        place(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("ticketId"))
                .andExpect(jsonPath("$.errors[0].message").value("TicketId must be provided"));
        verifyNoInteractions(orders);
    }

    @Test
    void answersAMalformedBodyWithInvalidJsonBody() throws Exception {
        expectMessage(place("{\"ticketId\""), 400, "Invalid JSON body");
    }

    @Test
    void answersTheRulesThePlacingBreaksWithTheirMessages() throws Exception {
        UUID own = UUID.randomUUID();
        UUID reserved = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        given(orders.place(BUYER, own)).willThrow(ApiException.badRequest(OrderService.OWN_TICKET));
        given(orders.place(BUYER, reserved)).willThrow(ApiException.badRequest(OrderService.ALREADY_RESERVED));
        given(orders.place(BUYER, unknown)).willThrow(ApiException.notFound());

        expectMessage(place("{\"ticketId\":\"" + own + "\"}"), 400, "You cannot buy your own ticket");
        expectMessage(place("{\"ticketId\":\"" + reserved + "\"}"), 400, "Ticket is already reserved");
        expectMessage(place("{\"ticketId\":\"" + unknown + "\"}"), 404, "Not found");
    }

    @Test
    void answersAMalformedIdInThePathWithNotFound() throws Exception {
        expectMessage(mvc.perform(signedIn(get("/api/orders/not-a-uuid"))), 404, "Not found");
        expectMessage(mvc.perform(signedIn(delete("/api/orders/not-a-uuid"))), 404, "Not found");
    }

    @Test
    void answersAnotherUsersOrderWithNotAuthorized() throws Exception {
        UUID theirs = UUID.randomUUID();
        given(orders.get(BUYER, theirs)).willThrow(ApiException.notAuthorized());
        willThrow(ApiException.notAuthorized()).given(orders).cancel(BUYER, theirs);

        expectMessage(mvc.perform(signedIn(get("/api/orders/{id}", theirs))), 401, "Not authorized");
        expectMessage(mvc.perform(signedIn(delete("/api/orders/{id}", theirs))), 401, "Not authorized");
    }

    @Test
    void cancelsWithNoContentOrSaysACompletedOrderCannotBeCancelled() throws Exception {
        UUID open = UUID.randomUUID();
        UUID complete = UUID.randomUUID();
        willThrow(ApiException.badRequest(OrderService.CANNOT_CANCEL_COMPLETED)).given(orders).cancel(BUYER, complete);

        mvc.perform(signedIn(delete("/api/orders/{id}", open))).andExpect(status().isNoContent());
        expectMessage(mvc.perform(signedIn(delete("/api/orders/{id}", complete))), 400, "Cannot cancel a completed order");
        verify(orders).cancel(BUYER, open);
    }

    private ResultActions place(String json) throws Exception {
        return mvc.perform(signedIn(post("/api/orders")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(BUYER, "buyer@example.com"));
    }

    private static void expectMessage(ResultActions answer, int status, String message) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andExpect(jsonPath("$.errors[0].field").doesNotExist());
    }
}
