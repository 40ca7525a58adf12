package io.caas.auth.token;

import io.caas.auth.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	@Bean
	SigningKey signingKey(AuthProperties properties) {
		return SigningKeyFiles.loadOrCreate(properties.keyDir());
	}

}
