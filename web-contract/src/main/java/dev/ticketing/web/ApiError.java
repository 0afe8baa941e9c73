package dev.ticketing.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the error envelope {@code {"errors":[{"message":"...","field":"..."}]}}, as the
 * services write it and the web UI reads it; {@code field} only for validation errors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String message, String field) {

    public static ApiError of(String message) {
        return new ApiError(message, null);
    }
}
