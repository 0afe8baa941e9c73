package dev.ticketing.client.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsDollarsWithTwoDecimalsAndThousandsSeparators() {
        assertThat(Money.format(new BigDecimal("10.5"))).isEqualTo("$10.50");
        assertThat(Money.format(new BigDecimal("1000000"))).isEqualTo("$1,000,000.00");
        assertThat(Money.format(new BigDecimal("0.01"))).isEqualTo("$0.01");
    }

    @Test
    void readsPlainDecimalsOnly() {
        assertThat(Money.parse(" 10.5 ")).isEqualByComparingTo("10.5");
        assertThat(Money.parse("$7")).isEqualByComparingTo("7");
        assertThat(Money.parse(".5")).isEqualByComparingTo("0.5");
        assertThat(Money.parse("ten")).isNull();
        assertThat(Money.parse("-5")).isNull();
        assertThat(Money.parse("1e999999999")).as("no exponent: it would blow up into a billion digits").isNull();
        assertThat(Money.parse("")).isNull();
    }

    @Test
    void showsATypedPriceAgainWithTwoDecimalsWhenItIsOne() {
        assertThat(Money.asTyped("10.5")).isEqualTo("10.50");
        assertThat(Money.asTyped("10.555")).isEqualTo("10.555");
        assertThat(Money.asTyped(" ten ")).isEqualTo("ten");
    }
}
