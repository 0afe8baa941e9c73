package dev.ticketing.tickets;

import dev.ticketing.common.messaging.EnableMessaging;
import org.springframework.context.annotation.Configuration;

/**
 * The event backbone: NATS, the outbox and this service's durable consumer. A configuration of its
 * own rather than an annotation on {@link TicketsApplication}, so that a web-slice test starts without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMessaging
class MessagingSetup {
}
