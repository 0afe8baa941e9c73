package dev.ticketing.common.docs;

import dev.ticketing.common.web.ErrorEnvelope;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The parts of a service's document that are the same everywhere: its title, a server relative to
 * wherever the document was fetched (the edge, in the end), the two ways to send a session, and
 * the error envelope's schema.
 */
class SharedDocument implements OpenApiCustomizer {

    static final String SESSION_COOKIE = "session";
    static final String BEARER = "bearer";
    static final String ERROR_ENVELOPE = "ErrorEnvelope";

    private final String service;

    SharedDocument(String service) {
        this.service = service;
    }

    @Override
    public void customise(OpenAPI document) {
        document.info(new Info()
                        .title("Ticketing " + service)
                        .version("1")
                        .description("The " + service + " service's part of the Ticketing API. Errors always answer "
                                + "{\"errors\":[{\"message\":\"...\",\"field\":\"...\"}]} (field only for validation)."))
                .servers(List.of(new Server().url("/")));
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        components.addSecuritySchemes(SESSION_COOKIE, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE)
                .name("session")
                .description("Set by sign-up and sign-in: base64 of {\"jwt\":\"<token>\"}"));
        components.addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("The same token as in the session cookie, for API clients"));
        ModelConverters.getInstance().readAll(ErrorEnvelope.class).forEach(components::addSchemas);
        document.components(components);
    }
}
