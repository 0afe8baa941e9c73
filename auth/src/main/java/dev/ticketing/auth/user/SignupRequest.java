package dev.ticketing.auth.user;

import static dev.ticketing.auth.user.Credentials.EMAIL_MUST_BE_VALID;
import static dev.ticketing.auth.user.Credentials.EMAIL_SHAPE;
import static dev.ticketing.auth.user.Credentials.MAX_EMAIL;
import static dev.ticketing.auth.user.Credentials.MAX_PASSWORD;
import static dev.ticketing.auth.user.Credentials.MIN_PASSWORD;
import static dev.ticketing.auth.user.Credentials.PASSWORD_LENGTH;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Both fields arrive trimmed, so validation and storage see what the user meant. */
record SignupRequest(
        @Schema(example = "buyer@example.com")
        @NotBlank(message = EMAIL_MUST_BE_VALID)
        @Size(max = MAX_EMAIL, message = EMAIL_MUST_BE_VALID)
        @Email(regexp = EMAIL_SHAPE, message = EMAIL_MUST_BE_VALID)
        String email,
        @Schema(example = "secret-password")
        @NotNull(message = PASSWORD_LENGTH)
        @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = PASSWORD_LENGTH)
        String password) {

    SignupRequest {
        email = Credentials.trim(email);
        password = Credentials.trim(password);
    }
}
