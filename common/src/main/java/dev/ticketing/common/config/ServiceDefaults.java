package dev.ticketing.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Settings every service shares (graceful shutdown, health probes, metrics, virtual threads on
 * JDK 21+), added with the lowest precedence so a service's own file or the environment wins.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

    private static final String FILE = "ticketing-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("ticketingServiceDefaults",
                    new ClassPathResource(FILE, ServiceDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + FILE + " in the common library", e);
        }
    }
}
