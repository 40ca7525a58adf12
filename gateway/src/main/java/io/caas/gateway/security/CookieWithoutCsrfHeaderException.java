package io.caas.gateway.security;

import org.springframework.security.core.AuthenticationException;

/** A state-changing request tried to authenticate by cookie alone. */
class CookieWithoutCsrfHeaderException extends AuthenticationException {

	CookieWithoutCsrfHeaderException(String message) {
		super(message);
	}

}
