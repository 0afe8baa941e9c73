package dev.ticketing.client.api;

/** One entry of the API's error envelope; {@code field} is set for validation errors only. */
public record ApiError(String message, String field) {

    public static ApiError of(String message) {
        return new ApiError(message, null);
    }
}
