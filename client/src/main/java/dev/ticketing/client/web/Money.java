package dev.ticketing.client.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/** Prices as people read them: dollars with two decimals, whatever the browser's language. */
public final class Money {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    private Money() {
    }

    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** What a price field shows again after a failed submit: two decimals when it is a number, as typed otherwise. */
    public static String asTyped(String typed) {
        if (typed == null) {
            return "";
        }
        BigDecimal number = parse(typed);
        return number == null || number.scale() > 2 ? typed.trim() : number.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The number in a price field, or null when it holds none (the API then says what a price must be). */
    public static BigDecimal parse(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.trim();
        if (text.startsWith("$")) {
            text = text.substring(1).trim();
        }
        // plain decimals only: no sign, no exponent (1e999999999 must not become a billion digits)
        if (text.length() > 40 || !PLAIN_DECIMAL.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
