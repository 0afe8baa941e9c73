package dev.ticketing.client.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code Link} header values (RFC 8288): {@code <uri-reference>; param=value; ..., <...>; ...}.
 * A {@code rel} may name several relation types ({@code rel="next last"}) and a value may be a
 * quoted string holding commas or semicolons, so the header is scanned rather than split.
 */
final class Links {

    private Links() {
    }

    /** The target of the first link whose relation types include {@code next}. */
    static Optional<URI> next(List<String> headerValues) {
        for (String value : headerValues) {
            Optional<URI> next = new Scanner(value).findRel("next");
            if (next.isPresent()) {
                return next;
            }
        }
        return Optional.empty();
    }

    private static final class Scanner {

        private final String text;
        private int at;

        Scanner(String text) {
            this.text = text;
        }

        Optional<URI> findRel(String wanted) {
            while (skipTo('<')) {
                int end = text.indexOf('>', at);
                if (end < 0) {
                    return Optional.empty();
                }
                String target = text.substring(at + 1, end).trim();
                at = end + 1;
                if (relationTypes().contains(wanted)) {
                    return uri(target);
                }
            }
            return Optional.empty();
        }

        /** The relation types among this link's parameters, read up to the comma that ends the link. */
        private List<String> relationTypes() {
            List<String> types = List.of();
            while (at < text.length() && text.charAt(at) != ',') {
                if (text.charAt(at) != ';') {
                    at++;
                    continue;
                }
                at++;
                int equals = text.indexOf('=', at);
                int stop = nextDelimiter();
                if (equals < 0 || equals > stop) {
                    at = stop;
                    continue;
                }
                String name = text.substring(at, equals).trim().toLowerCase(Locale.ROOT);
                at = equals + 1;
                String value = value();
                if (name.equals("rel") && types.isEmpty()) {
                    types = List.of(value.trim().toLowerCase(Locale.ROOT).split("\\s+"));
                }
            }
            return types;
        }

        private String value() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
            if (at < text.length() && text.charAt(at) == '"') {
                StringBuilder quoted = new StringBuilder();
                at++;
                while (at < text.length() && text.charAt(at) != '"') {
                    if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                        at++;
                    }
                    quoted.append(text.charAt(at++));
                }
                at++;
                return quoted.toString();
            }
            int stop = nextDelimiter();
            String token = text.substring(at, stop);
            at = stop;
            return token;
        }

        private int nextDelimiter() {
            int i = at;
            while (i < text.length() && text.charAt(i) != ';' && text.charAt(i) != ',') {
                i++;
            }
            return i;
        }

        private boolean skipTo(char c) {
            int found = text.indexOf(c, at);
            at = found < 0 ? text.length() : found;
            return found >= 0;
        }

        private static Optional<URI> uri(String target) {
            try {
                return Optional.of(new URI(target));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    }
}
