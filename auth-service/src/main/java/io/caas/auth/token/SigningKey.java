package io.caas.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** The RSA key pair access tokens are signed with, and its public JWK. */
record SigningKey(RSAPrivateKey privateKey, RSAPublicKey publicKey, Jwk jwk) {

	SigningKey(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
		this(privateKey, publicKey, Jwk.of(publicKey));
	}

	String kid() {
		return this.jwk.kid();
	}

}
