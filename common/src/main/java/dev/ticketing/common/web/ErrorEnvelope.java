package dev.ticketing.common.web;

import dev.ticketing.web.ApiError;
import java.util.List;

/** The body of every error response: {@code {"errors":[{"message":"...","field":"..."}]}}. */
public record ErrorEnvelope(List<ApiError> errors) {

    public static ErrorEnvelope of(String message) {
        return new ErrorEnvelope(List.of(ApiError.of(message)));
    }
}
