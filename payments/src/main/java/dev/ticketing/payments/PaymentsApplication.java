package dev.ticketing.payments;

import dev.ticketing.common.messaging.EnableMessaging;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Takes payments for orders (Stripe, or a simulated gateway) and announces them with {@code payment.created}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableMessaging
public class PaymentsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentsApplication.class, args);
    }
}
