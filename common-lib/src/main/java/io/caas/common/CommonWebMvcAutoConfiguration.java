package io.caas.common;

import java.util.List;

import io.caas.common.error.ProblemDetailsAdvice;
import io.caas.common.identity.IdentityArgumentResolver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the shared error model and identity resolution into every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@Import(ProblemDetailsAdvice.class)
public class CommonWebMvcAutoConfiguration {

	@Bean
	WebMvcConfigurer caasIdentityResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new IdentityArgumentResolver());
			}
		};
	}

}
