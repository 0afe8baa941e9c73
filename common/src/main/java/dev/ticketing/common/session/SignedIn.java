package dev.ticketing.common.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route (or every route of the controller) needs a signed-in user: without a valid session it
 * answers 401 {@code Not authorized} before anything else, request body validation included. A
 * route without it is public, whatever its parameters; each service's route test lists which is which.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {
}
