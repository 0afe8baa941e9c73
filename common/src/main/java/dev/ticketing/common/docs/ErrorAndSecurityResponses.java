package dev.ticketing.common.docs;

import dev.ticketing.common.session.SignedIn;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents, from each route's signature, the rules every route follows (SPEC "Common rules"): a
 * {@link SignedIn} route needs a session (cookie or Bearer header) and answers 401
 * without one; a body or query parameters can fail validation with 400; a path id can be unknown
 * with 404; any error is the envelope.
 */
class ErrorAndSecurityResponses implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod route) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (SignedIn.Rule.appliesTo(route)) {
            operation.security(List.of(new SecurityRequirement().addList(SharedDocument.SESSION_COOKIE),
                    new SecurityRequirement().addList(SharedDocument.BEARER)));
            addError(responses, "401", "No session, or another user's resource", "Not authorized", null);
        }
        if (annotated(route, RequestBody.class)) {
            addError(responses, "400", "Malformed JSON, a failed validation (one entry per field) or a broken rule",
                    "Title is required", "title");
        } else if (annotated(route, RequestParam.class)) {
            addError(responses, "400", "A failed validation of a query parameter",
                    "Limit must be a non-negative integer", "limit");
        }
        if (annotated(route, PathVariable.class)) {
            addError(responses, "404", "Unknown or malformed id", "Not found", null);
        }
        addError(responses, "default", "Any other error (500: Something went wrong)", "Something went wrong", null);
        return operation.responses(responses);
    }

    private static boolean annotated(HandlerMethod route, Class<? extends java.lang.annotation.Annotation> annotation) {
        return Arrays.stream(route.getMethodParameters()).anyMatch((MethodParameter p) -> p.hasParameterAnnotation(annotation));
    }

    /** An error response in the envelope, with one example entry; a response the route declares itself is kept. */
    private static void addError(ApiResponses responses, String status, String description, String message, String field) {
        if (responses.containsKey(status)) {
            return;
        }
        Map<String, Object> entry = field == null ? Map.of("message", message) : Map.of("message", message, "field", field);
        MediaType json = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + SharedDocument.ERROR_ENVELOPE))
                .addExamples(status, new Example().value(Map.of("errors", List.of(entry))));
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json)));
    }
}
