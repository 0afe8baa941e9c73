package dev.ticketing.tickets.ticket;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON number exactly as written (no detour through double), or a string holding one
 * such as {@code "10.50"}; anything else (text, booleans, objects, arrays) reads as no value, so
 * validation answers "must be greater than 0" for it rather than rejecting the whole body.
 */
class NumberOrNumericString extends ValueDeserializer<BigDecimal> {

    private static final Pattern NUMERIC = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_STRING -> parse(parser.getString().strip());
            default -> {
                parser.skipChildren();
                yield null;
            }
        };
    }

    private static BigDecimal parse(String text) {
        return NUMERIC.matcher(text).matches() ? new BigDecimal(text) : null;
    }
}
