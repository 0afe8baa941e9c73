package dev.ticketing.common.messaging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a service the event backbone: a NATS connection, the TICKETING stream, the transactional
 * {@link Outbox}, and a durable consumer named {@code <spring.application.name>-service} that feeds
 * the service's {@link Listener} beans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(MessagingConfiguration.class)
public @interface EnableMessaging {
}
