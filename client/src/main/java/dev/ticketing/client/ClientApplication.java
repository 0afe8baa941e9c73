package dev.ticketing.client;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The web UI: server-rendered pages that call the services' JSON APIs on the visitor's behalf. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClientApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClientApplication.class, args);
    }
}
