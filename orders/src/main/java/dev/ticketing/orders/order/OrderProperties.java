package dev.ticketing.orders.order;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/** {@code expiration}: how long a new order holds its ticket ({@code ORDER_EXPIRATION_SECONDS}, seconds when unitless). */
@ConfigurationProperties("orders")
public record OrderProperties(@DefaultValue("900") @DurationUnit(ChronoUnit.SECONDS) Duration expiration) {

    public OrderProperties {
        if (expiration.isNegative() || expiration.isZero()) {
            throw new IllegalArgumentException("ORDER_EXPIRATION_SECONDS must be positive, was " + expiration);
        }
    }
}
