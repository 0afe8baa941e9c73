package dev.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"trace-42", "0af7651916cd43dd8448eb211c80319c", "a:b/c=d"})
    void keepsASaneCallerId(String offered) {
        assertThat(RequestIdFilter.keepOrCreate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "two words", "forged\nINFO line", "tab\there", "caf\u00e9"})
    void replacesAMissingIdOrOneThatCouldForgeLogLines(String offered) {
        assertThat(RequestIdFilter.keepOrCreate(offered)).isNotEqualTo(offered).hasSize(36);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void keepsAtMostAHundredCharacters(int length) {
        String offered = "x".repeat(length);
        assertThat(RequestIdFilter.keepOrCreate(offered).equals(offered)).isEqualTo(length <= 100);
    }
}
