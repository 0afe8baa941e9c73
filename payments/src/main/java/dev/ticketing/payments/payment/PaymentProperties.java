package dev.ticketing.payments.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waitForOtherCharge} ({@code PAYMENT_WAIT_FOR_OTHER_CHARGE}): how long a request waits for
 * another request's charge of the same order before answering 409; longer than a slow Stripe call.
 */
@ConfigurationProperties("payments")
record PaymentProperties(@DefaultValue("45s") Duration waitForOtherCharge) {
}
