package io.caas.auth.token;

import io.caas.auth.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	@Bean
	SigningKeys signingKeys(AuthProperties properties) {
		return SigningKeys.load(properties.keyDir());
	}

}
