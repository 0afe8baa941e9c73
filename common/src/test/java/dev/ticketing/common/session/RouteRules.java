package dev.ticketing.common.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route a service serves, with its rule as the interceptor enforces it: signed in
 * ({@link SignedIn}) or public. A service's test compares them with SPEC.md, so a new route fails
 * it until someone decides, and writes down, which it is.
 */
public final class RouteRules {

    static final String SIGNED_IN = "signed in";
    static final String PUBLIC = "public";

    private RouteRules() {
    }

    /**
     * Checks the routes of the service's own controllers, those compiled with its application class
     * (not common's error page, the API document or a test's controller), against SPEC.md's lists,
     * written as it writes them ({@code "PUT /api/tickets/{id}"}).
     */
    public static void assertEveryRoute(ApplicationContext context, Class<?> application,
            List<String> signedIn, List<String> open) {
        Map<String, String> expected = new TreeMap<>();
        signedIn.forEach(route -> expected.put(route, SIGNED_IN));
        open.forEach(route -> expected.put(route, PUBLIC));
        Map<String, String> actual = new TreeMap<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .forEach((mapping, route) -> {
                    if (sameCode(route.getBeanType(), application)) {
                        String rule = rule(route);
                        routesOf(mapping).forEach(name -> actual.put(name, rule));
                    }
                });
        assertThat(actual).as("every route of %s with its rule", application.getSimpleName()).isEqualTo(expected);
    }

    private static boolean sameCode(Class<?> controller, Class<?> application) {
        return controller.getPackageName().startsWith(application.getPackageName())
                && controller.getProtectionDomain().getCodeSource().getLocation()
                        .equals(application.getProtectionDomain().getCodeSource().getLocation());
    }

    private static String rule(HandlerMethod route) {
        boolean signedIn = RequireUserInterceptor.requiresUser(route);
        boolean takesUser = Arrays.stream(route.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == SessionUser.class);
        assertThat(signedIn || !takesUser)
                .as("%s takes a SessionUser, so it is documented as signed in: mark it @SignedIn", route)
                .isTrue();
        return signedIn ? SIGNED_IN : PUBLIC;
    }

    private static List<String> routesOf(RequestMappingInfo mapping) {
        List<String> methods = mapping.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        return mapping.getPatternValues().stream()
                .flatMap(path -> (methods.isEmpty() ? List.of("ANY") : methods).stream().map(method -> method + " " + path))
                .toList();
    }
}
