package io.caas.auth.token;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public keys that verify tokens: the signing key and retired ones. */
@RestController
class JwksController {

	private final JwkSet jwks;

	JwksController(SigningKeys keys) {
		this.jwks = new JwkSet(keys.all().stream().map(SigningKey::jwk).toList());
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
