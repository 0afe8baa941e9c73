package dev.ticketing.payments.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stripe when {@code STRIPE_KEY} is set, otherwise the simulated gateway, said loudly at start. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    PaymentGateway paymentGateway(StripeProperties stripe) {
        if (!stripe.configured()) {
            log.warn("Payments are simulated: STRIPE_KEY is not set");
            return new SimulatedGateway();
        }
        StripeGateway gateway = new StripeGateway(stripe);
        log.info("Payments go through Stripe at {}", gateway.apiBase());
        return gateway;
    }
}
