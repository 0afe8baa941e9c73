package dev.ticketing.common.session;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Sessions for every service: each verifies the token itself with the shared key; only auth issues one. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({JwtProperties.class, CookieProperties.class})
public class SessionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SessionTokens sessionTokens(JwtProperties properties, Clock clock) {
        return new SessionTokens(properties, clock);
    }

    @Bean
    SessionCookies sessionCookies(CookieProperties properties, JsonMapper json) {
        return new SessionCookies(properties, json);
    }

    @Bean
    Sessions sessions(SessionTokens tokens, SessionCookies cookies) {
        return new Sessions(tokens, cookies);
    }

    @Bean
    WebMvcConfigurer sessionWebMvcConfigurer(Sessions sessions) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequireUserInterceptor(sessions));
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new SessionUserArgumentResolver(sessions));
            }
        };
    }
}
