package dev.ticketing.e2e.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives the running system: its constructor or test methods may take a
 * {@link RunningSystem} or an {@link Api} parameter. The system is started once for the whole
 * JVM (before the first such class) and stopped, its data deleted, after the last test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningSystemExtension.class)
@Tag("e2e")
public @interface EndToEnd {
}
