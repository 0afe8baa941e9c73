package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.events.OrderStatus;
import dev.ticketing.payments.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderTest {

    @ParameterizedTest
    @CsvSource({"19.99,1999", "0.10,10", "0.01,1", "10,1000", "10.5,1050", "1000000.00,100000000", "0.29,29", "4.35,435"})
    void thePriceInCentsIsExact(String price, long cents) {
        Order order = new Order(UUID.randomUUID(), UUID.randomUUID(), new BigDecimal(price), OrderStatus.CREATED,
                Instant.now(), 0);

        assertThat(order.priceInCents()).isEqualTo(cents);
    }
}
