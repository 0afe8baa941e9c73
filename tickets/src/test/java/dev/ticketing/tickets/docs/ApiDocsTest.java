package dev.ticketing.tickets.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.session.RouteRules;
import dev.ticketing.common.testing.ApiDocument;
import dev.ticketing.tickets.TicketsApplication;
import dev.ticketing.tickets.TicketsServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import org.springframework.context.ApplicationContext;

/** tickets publishes its OpenAPI document at /api/docs/tickets, with every route of SPEC.md in it. */
class ApiDocsTest extends TicketsServiceTest {

    /** SPEC.md's tickets routes that need a signed-in user. */
    static final List<String> SIGNED_IN = List.of("POST /api/tickets", "PUT /api/tickets/{id}", "GET /api/tickets/mine");
    static final List<String> PUBLIC = List.of("GET /api/tickets", "GET /api/tickets/{id}");

    @LocalServerPort
    int servicePort;

    private ApiDocument document() {
        return ApiDocument.fetch(servicePort, "/api/docs/tickets");
    }

    @ParameterizedTest
    @FieldSource("SIGNED_IN")
    void aRouteForSignedInUsersIsDocumentedWithTheSessionCookieOrBearerHeader(String route) {
        document().assertSignedInRoute(route);
    }

    @ParameterizedTest
    @FieldSource("PUBLIC")
    void aPublicRouteIsDocumentedWithoutSecurity(String route) {
        document().assertPublicRoute(route);
    }

    @Test
    void everyRouteIsForSignedInUsersOrPublicAsTheSpecSays(@Autowired ApplicationContext context) {
        RouteRules.assertEveryRoute(context, TicketsApplication.class, SIGNED_IN, PUBLIC);
    }

    @Test
    void requestAndResponseBodiesHaveSchemas() {
        ApiDocument document = document();

        assertThat(document.operation("POST /api/tickets").orElseThrow()
                .at("/requestBody/content/application~1json/schema/$ref").asString()).isNotBlank();
        assertThat(document.operation("GET /api/tickets/{id}").orElseThrow()
                .at("/responses/200/content/application~1json/schema/$ref").asString()).isNotBlank();
    }

    @Test
    void aTicketToListAndTheTicketJsonShowExamples() {
        ApiDocument document = document();

        Map<String, JsonNode> request = document.examples(document.requestSchema("POST /api/tickets"));
        assertThat(request).containsOnlyKeys("title", "price");
        assertThat(request.get("title").asString()).isEqualTo("Concert at the Arena");
        assertThat(request.get("price").isNumber()).as("price %s", request.get("price")).isTrue();
        Map<String, JsonNode> ticket = document.examples(document.responseSchema("GET /api/tickets/{id}", "200"));
        assertThat(ticket).containsOnlyKeys("id", "title", "price", "userId", "version", "orderId");
        assertThat(ticket.get("version").asInt()).isZero();
    }

}
