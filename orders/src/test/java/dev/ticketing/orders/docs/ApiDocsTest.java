package dev.ticketing.orders.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.session.RouteRules;
import dev.ticketing.common.testing.ApiDocument;
import dev.ticketing.orders.OrdersApplication;
import dev.ticketing.orders.OrdersIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import org.springframework.context.ApplicationContext;

/** orders publishes its OpenAPI document at /api/docs/orders, with every route of SPEC.md in it. */
class ApiDocsTest extends OrdersIntegrationTest {

    /** SPEC.md's orders routes: all need a signed-in user. */
    static final List<String> SIGNED_IN = List.of("POST /api/orders", "GET /api/orders", "GET /api/orders/{id}",
            "DELETE /api/orders/{id}");
    static final List<String> PUBLIC = List.of();

    @LocalServerPort
    int servicePort;

    @ParameterizedTest
    @FieldSource("SIGNED_IN")
    void everyRouteOfTheSpecIsDocumentedForSignedInUsers(String route) {
        ApiDocument.fetch(servicePort, "/api/docs/orders").assertSignedInRoute(route);
    }

    @Test
    void everyRouteIsForSignedInUsersOrPublicAsTheSpecSays(@Autowired ApplicationContext context) {
        RouteRules.assertEveryRoute(context, OrdersApplication.class, SIGNED_IN, PUBLIC);
    }

    @Test
    void anOrderHasItsSchemaWithItsTicket() {
        ApiDocument document = ApiDocument.fetch(servicePort, "/api/docs/orders");

        assertThat(document.operation("POST /api/orders").orElseThrow()
                .at("/requestBody/content/application~1json/schema/$ref").asString()).isNotBlank();
        assertThat(document.operation("POST /api/orders").orElseThrow().at("/responses/201").isMissingNode()).isFalse();
        String order = document.operation("GET /api/orders/{id}").orElseThrow()
                .at("/responses/200/content/application~1json/schema/$ref").asString();
        String name = order.substring(order.lastIndexOf('/') + 1);
        assertThat(document.json().at("/components/schemas/" + name + "/properties").propertyNames())
                .contains("id", "status", "userId", "expiresAt", "version", "ticket");
    }

    @Test
    void placingAnOrderAndTheOrderJsonShowExamples() {
        ApiDocument document = ApiDocument.fetch(servicePort, "/api/docs/orders");

        assertThat(document.examples(document.requestSchema("POST /api/orders"))).containsOnlyKeys("ticketId");
        Map<String, JsonNode> order = document.examples(document.responseSchema("GET /api/orders/{id}", "200"));
        assertThat(order).containsOnlyKeys("id", "status", "userId", "expiresAt", "version");
        assertThat(order.get("status").asString()).isEqualTo("created");
        assertThat(order.get("expiresAt").asString()).isEqualTo("2026-11-25T18:40:00.000Z");
        assertThat(document.examples("#/components/schemas/Ticket")).containsOnlyKeys("id", "title", "price", "version");
    }
}
