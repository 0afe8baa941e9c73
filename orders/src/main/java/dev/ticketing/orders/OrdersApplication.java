package dev.ticketing.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Orders: a buyer's hold on a ticket, from creation until it is paid, cancelled or expired. Keeps
 * a replica of tickets fed by the tickets service's events, and guarantees one active order per ticket.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
