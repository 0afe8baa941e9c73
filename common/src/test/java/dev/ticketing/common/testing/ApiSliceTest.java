package dev.ticketing.common.testing;

import dev.ticketing.common.session.SessionAutoConfiguration;
import dev.ticketing.common.web.WebErrorsAutoConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A web-slice test of a service's controllers: Spring MVC with the contract's error envelope and
 * sessions (common's web auto-configurations), and no database or NATS, so it runs in a second or
 * two. Mock what the controller calls; what crosses a real server stays in the integration tests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WebMvcTest
@ImportAutoConfiguration({WebErrorsAutoConfiguration.class, SessionAutoConfiguration.class})
public @interface ApiSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
