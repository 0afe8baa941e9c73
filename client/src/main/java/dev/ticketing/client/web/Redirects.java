package dev.ticketing.client.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.servlet.view.RedirectView;

/** Redirects after a POST, and the sign-in detour that brings a visitor back where they were going. */
public final class Redirects {

    private Redirects() {
    }

    /** A redirect to a path of this site, taken literally (no template variables, no model in the query). */
    public static RedirectView to(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        view.setPropagateQueryParams(false);
        return view;
    }

    public static RedirectView toSignIn(String next) {
        return to(signInPath(next));
    }

    public static String signInPath(String next) {
        String local = localPathOrNull(next);
        if (local == null || local.equals("/")) {
            return "/auth/signin";
        }
        // slashes stay readable; '&', '=', '?' and the rest are escaped so the whole path is one parameter
        return "/auth/signin?next=" + URLEncoder.encode(local, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** {@code next} if it is a path on this site, otherwise the home page: never send a visitor elsewhere. */
    public static String localPath(String next) {
        String local = localPathOrNull(next);
        return local == null ? "/" : local;
    }

    private static String localPathOrNull(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || next.charAt(0) != '/') {
            return null;
        }
        if (next.startsWith("//") || next.indexOf('\\') >= 0 || next.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            return null;
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return next;
    }
}
