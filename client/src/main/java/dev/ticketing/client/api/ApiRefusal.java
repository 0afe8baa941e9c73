package dev.ticketing.client.api;

import dev.ticketing.web.ApiError;
import java.util.List;
import java.util.stream.Collectors;

/** The API refused a request (4xx) and said why, in its {@code {"errors":[{"message","field"}]}} envelope. */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final List<ApiError> errors;

    public ApiRefusal(int status, List<ApiError> errors) {
        super(status + " " + errors.stream().map(ApiError::message).collect(Collectors.joining("; ")));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
