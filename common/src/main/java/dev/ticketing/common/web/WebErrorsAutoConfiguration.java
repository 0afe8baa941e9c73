package dev.ticketing.common.web;

import dev.ticketing.web.RequestIdFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's error handling for every service: envelope, 404s, 413, text PostgreSQL cannot
 * store, Tomcat's own refusals, and no stack traces for clients.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({RestErrorHandler.class, ErrorPageController.class})
public class WebErrorsAutoConfiguration {

    @Bean
    ErrorResponses errorResponses(JsonMapper json) {
        return new ErrorResponses(json);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ErrorResponses errors) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    JacksonModule storableTextModule() {
        return new StorableTextModule();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorPage {

        @Bean
        EnvelopeErrorPage envelopeErrorPage(JsonMapper json) {
            return new EnvelopeErrorPage(json);
        }
    }

    /** Ordered after Boot's own Tomcat customizer, which adds an error report valve of its own. */
    static final class EnvelopeErrorPage implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final JsonMapper json;

        EnvelopeErrorPage(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> EnvelopeErrorReportValve.install(context, json));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
