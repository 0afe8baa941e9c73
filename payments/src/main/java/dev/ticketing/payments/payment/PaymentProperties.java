package dev.ticketing.payments.payment;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code waitForOtherCharge} ({@code PAYMENT_WAIT_FOR_OTHER_CHARGE}): how long a request waits for
 * another request's charge of the same order before answering 409; longer than a slow Stripe call.
 * The default lives in application.yml, beside the environment variable.
 */
@ConfigurationProperties("payments")
@Validated
record PaymentProperties(@NotNull Duration waitForOtherCharge) {
}
