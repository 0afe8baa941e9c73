package dev.ticketing.architecture.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Spring property placeholder, {@code ${NAME:default}}; the default may hold placeholders
 * itself, as in {@code ${DATABASE_URL:jdbc:postgresql://${DB_HOST:127.0.0.1}:5432/db}}.
 */
record Placeholder(String name, String defaultValue, List<Placeholder> nested) {

    /** The placeholders in a text, outermost only (their defaults' ones are {@link #nested}). */
    static List<Placeholder> in(String text) {
        List<Placeholder> found = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            int end = closing(text, i);
            found.add(parse(text.substring(i + 2, end)));
            i = end + 1;
        }
        return found;
    }

    /** Whether the name reads like an environment variable (PORT) rather than a property (spring.application.name). */
    boolean isEnvironmentVariable() {
        return name.matches("[A-Z][A-Z0-9_]*");
    }

    /** The default with its own placeholders left out: what is literally written in it. */
    String literalDefault() {
        if (defaultValue == null) {
            return null;
        }
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int start;
        while ((start = defaultValue.indexOf("${", i)) >= 0) {
            literal.append(defaultValue, i, start);
            i = closing(defaultValue, start) + 1;
        }
        return literal.append(defaultValue.substring(i)).toString();
    }

    /**
     * A text with its placeholders replaced as Spring would: the variable's value where
     * {@code lookup} knows it, else the default. Null when a variable without default is unknown.
     */
    static String resolve(String text, Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int start;
        while ((start = text.indexOf("${", i)) >= 0) {
            out.append(text, i, start);
            int end = closing(text, start);
            Placeholder p = parse(text.substring(start + 2, end));
            String value = lookup.apply(p.name);
            if (value == null && p.defaultValue != null) {
                value = resolve(p.defaultValue, lookup);
            }
            if (value == null) {
                return null;
            }
            out.append(value);
            i = end + 1;
        }
        return out.append(text.substring(i)).toString();
    }

    static Function<String, String> lookupIn(Map<String, Workload.EnvVar> env) {
        return name -> env.containsKey(name) ? env.get(name).value() : null;
    }

    private static Placeholder parse(String inner) {
        int colon = -1;
        int depth = 0;
        for (int i = 0; i < inner.length() && colon < 0; i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                colon = i;
            }
        }
        if (colon < 0) {
            return new Placeholder(inner.trim(), null, List.of());
        }
        String defaultValue = inner.substring(colon + 1);
        return new Placeholder(inner.substring(0, colon).trim(), defaultValue, in(defaultValue));
    }

    private static int closing(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unclosed placeholder in " + text);
    }
}
