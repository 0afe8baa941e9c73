package dev.ticketing.gateway;

import dev.ticketing.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own answers, in the SPEC error envelope, with the entries the services write. */
final class Envelopes {

    static final String NOT_FOUND = "Not found";
    static final String BAD_REQUEST = "Bad request";
    static final String UNAVAILABLE = "Service unavailable, try again shortly";
    static final String UNEXPECTED = "Something went wrong";

    private Envelopes() {
    }

    static String json(String message) {
        return JsonMapper.shared().writeValueAsString(Map.of("errors", List.of(ApiError.of(message))));
    }

    /** The message for an answer the gateway (or its Tomcat) gives with this status. */
    static String messageFor(int status) {
        return switch (status) {
            case 404, 405 -> NOT_FOUND;
            case 413 -> "Request body too large";
            case 502, 503, 504 -> UNAVAILABLE;
            default -> status < 500 ? BAD_REQUEST : UNEXPECTED;
        };
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(message));
    }
}
