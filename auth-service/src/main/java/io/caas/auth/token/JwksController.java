package io.caas.auth.token;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public key that verifies access tokens. */
@RestController
class JwksController {

	private final JwkSet jwks;

	JwksController(SigningKey key) {
		this.jwks = new JwkSet(List.of(key.jwk()));
	}

	@GetMapping(path = { "/api/auth/jwks", "/.well-known/jwks.json" }, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JwkSet> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.jwks);
	}

	record JwkSet(List<Jwk> keys) {
	}

}
