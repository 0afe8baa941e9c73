package dev.ticketing.expiration;

import dev.ticketing.common.testing.TestInfra;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one more instance of the service, as a deployment would, on a given database and stream. */
final class ServiceInstance {

    private ServiceInstance() {
    }

    static ConfigurableApplicationContext start(String databaseUrl, String stream, String subjectPrefix) {
        // command-line arguments, so they win over application.yml as the environment would
        return new SpringApplicationBuilder(ExpirationApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--nats.url=" + TestInfra.NATS_URL,
                "--nats.stream=" + stream,
                "--nats.subject-prefix=" + subjectPrefix,
                "--jwt.key=" + TestInfra.JWT_KEY);
    }
}
