package dev.ticketing.client.web;

import dev.ticketing.client.session.CurrentUserInterceptor;
import dev.ticketing.client.session.CurrentUsers;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final CurrentUsers users;

    WebConfiguration(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CurrentUserInterceptor(users))
                .excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/actuator/**", "/favicon.ico");
    }
}
