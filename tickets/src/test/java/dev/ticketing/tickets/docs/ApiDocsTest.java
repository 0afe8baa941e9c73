package dev.ticketing.tickets.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.session.RouteRules;
import dev.ticketing.common.testing.ApiDocument;
import dev.ticketing.tickets.TicketsApplication;
import dev.ticketing.tickets.TicketsServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

}
