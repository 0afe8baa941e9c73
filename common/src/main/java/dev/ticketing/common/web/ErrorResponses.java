package dev.ticketing.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes the error envelope where no controller advice reaches: filters and the container's error page. */
public class ErrorResponses {

    static final ApiException PAYLOAD_TOO_LARGE =
            new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Request body must be at most 64 KiB");

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiException error) throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(ErrorEnvelope.of(error.getMessage())));
    }

    /** The contract's message for a status that reached the container without one of ours. */
    static ApiException forStatus(int status) {
        return switch (status) {
            case 400 -> ApiException.badRequest("Bad request");
            case 401, 403 -> ApiException.notAuthorized();
            case 404, 405 -> ApiException.notFound();
            case 413 -> PAYLOAD_TOO_LARGE;
            default -> new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, RestErrorHandler.SOMETHING_WENT_WRONG);
        };
    }
}
