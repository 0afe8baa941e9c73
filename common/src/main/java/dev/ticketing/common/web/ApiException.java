package dev.ticketing.common.web;

import org.springframework.http.HttpStatus;

/**
 * A user-facing failure with its status and message, answered in the error envelope. The
 * factories name the cases of the contract; a service throws them from anywhere below a route.
 * It carries no stack trace: it is an answer, not a fault, and a flash sale throws it for every
 * buyer but one.
 */
public class ApiException extends RuntimeException {

    public static final String NOT_AUTHORIZED = "Not authorized";
    public static final String NOT_FOUND = "Not found";

    private final HttpStatus status;

    public ApiException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** A business rule was broken: 400 with the rule's message. */
    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    /** No session, or another user's resource. */
    public static ApiException notAuthorized() {
        return new ApiException(HttpStatus.UNAUTHORIZED, NOT_AUTHORIZED);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }
}
