package dev.ticketing.orders.order;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code expiration}: how long a new order holds its ticket ({@code ORDER_EXPIRATION_SECONDS},
 * seconds when unitless). The default lives in application.yml, beside the environment variable.
 */
@ConfigurationProperties("orders")
public record OrderProperties(@DurationUnit(ChronoUnit.SECONDS) Duration expiration) {

    public OrderProperties {
        if (expiration == null || expiration.isNegative() || expiration.isZero()) {
            throw new IllegalArgumentException("ORDER_EXPIRATION_SECONDS must be positive, was " + expiration);
        }
    }
}
