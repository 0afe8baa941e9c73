package dev.ticketing.auth.user;

import static dev.ticketing.auth.user.Credentials.EMAIL_MUST_BE_VALID;
import static dev.ticketing.auth.user.Credentials.EMAIL_SHAPE;
import static dev.ticketing.auth.user.Credentials.MAX_EMAIL;
import static dev.ticketing.auth.user.Credentials.PASSWORD_REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record SigninRequest(
        @Schema(example = "buyer@example.com")
        @NotBlank(message = EMAIL_MUST_BE_VALID)
        @Size(max = MAX_EMAIL, message = EMAIL_MUST_BE_VALID)
        @Email(regexp = EMAIL_SHAPE, message = EMAIL_MUST_BE_VALID)
        String email,
        @Schema(example = "secret-password")
        @NotBlank(message = PASSWORD_REQUIRED)
        String password) {

    SigninRequest {
        email = Credentials.trim(email);
        password = Credentials.trim(password);
    }
}
