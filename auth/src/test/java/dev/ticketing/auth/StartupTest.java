package dev.ticketing.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.common.testing.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;

/** Auth refuses to start without a usable JWT_KEY, and says which variable is wrong. */
class StartupTest {

    @Test
    void refusesToStartWithoutJwtKey() {
        // the build sets JWT_KEY for every test; this start sees no environment variables at all
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

        assertThatThrownBy(() -> start(environment))
                .rootCause().hasMessageContaining("JWT_KEY");
    }

    @Test
    void refusesToStartWithAJwtKeyShorterThan32Bytes() {
        assertThatThrownBy(() -> start(new StandardEnvironment(), "--jwt.key=only-31-bytes-long-secret-value"))
                .rootCause().hasMessageContaining("JWT_KEY");
    }

    private static void start(StandardEnvironment environment, String... args) {
        String[] common = {
            "--server.port=0",
            "--spring.datasource.url=" + TestInfra.databaseUrl("auth"),
            "--ticketing.database.create-if-missing=false",
            "--spring.flyway.enabled=false",
            "--spring.main.banner-mode=off",
        };
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        new SpringApplicationBuilder(AuthApplication.class).environment(environment).run(all).close();
    }
}
