package dev.ticketing.expiration;

import dev.ticketing.common.messaging.EnableMessaging;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Holds orders for their payment window: on {@code order.created} a durable db-scheduler task is
 * due at the order's {@code expiresAt}; when it runs, {@code expiration.complete} is published.
 * No API of its own besides health and metrics.
 */
@SpringBootApplication
@EnableMessaging
public class ExpirationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExpirationApplication.class, args);
    }
}
