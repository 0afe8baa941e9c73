package dev.ticketing.common.docs;

import dev.ticketing.common.session.SessionUser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every service's OpenAPI document shares, for the services that bring springdoc: the error
 * envelope on error responses, the session cookie and the Bearer header on the routes that need a
 * signed-in user. Controllers stay free of documentation annotations.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class ApiDocsAutoConfiguration {

    static {
        // the signed-in user is resolved from the cookie or header, never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(SessionUser.class);
    }

    @Bean
    OpenApiCustomizer ticketingOpenApi(@Value("${spring.application.name}") String service) {
        return new SharedDocument(service);
    }

    @Bean
    OperationCustomizer ticketingOperations() {
        return new ErrorAndSecurityResponses();
    }

    /** auth's Swagger UI: {@code /api/docs} opens it, so its address is the contract's, not springdoc's. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.webmvc.ui.SwaggerConfig")
    @ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
    static class SwaggerUiEntry {

        static final String ENTRY = "/api/docs";

        @Bean
        WebMvcConfigurer swaggerUiEntry(@Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String uiPath) {
            return new WebMvcConfigurer() {
                @Override
                public void addViewControllers(ViewControllerRegistry registry) {
                    registry.addRedirectViewController(ENTRY, uiPath);
                }
            };
        }
    }
}
