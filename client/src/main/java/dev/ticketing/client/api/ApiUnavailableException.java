package dev.ticketing.client.api;

/** The API could not be reached, timed out, or failed on its side (5xx): nothing the visitor can fix. */
public class ApiUnavailableException extends RuntimeException {

    public ApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
