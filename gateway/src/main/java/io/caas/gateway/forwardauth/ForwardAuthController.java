package io.caas.gateway.forwardauth;

import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;
import io.caas.common.identity.IdentityHeaders;
import io.caas.gateway.GatewayProperties;
import io.caas.gateway.identity.Callers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traefik's forwardAuth target for IDE hosts: a 2xx lets the request through (Traefik
 * copies {@code X-Caas-User} to the IDE), anything else is shown to the browser. The
 * token check itself happens in the security chain, so only authenticated callers get
 * here.
 */
@RestController
class ForwardAuthController {

	static final String FORWARDED_HOST = "X-Forwarded-Host";

	private final String domainSuffix;

	ForwardAuthController(GatewayProperties properties) {
		this.domainSuffix = properties.domainSuffix();
	}

	@GetMapping("/forward-auth")
	ResponseEntity<Void> check(@AuthenticationPrincipal Jwt token,
			@RequestHeader(name = FORWARDED_HOST, required = false) String forwardedHost) {
		IdeHost ide = IdeHost.parse(forwardedHost, this.domainSuffix)
			.orElseThrow(() -> new CaasException(HttpStatus.FORBIDDEN, "not-an-ide-host",
					"'" + forwardedHost + "' is not an IDE host under " + this.domainSuffix));
		Identity caller = Callers.fromJwt(token);
		if (!IdeAccess.allows(caller, ide)) {
			throw CaasException.forbidden("This IDE belongs to another student");
		}
		return ResponseEntity.ok()
			.header(IdentityHeaders.USER, caller.username())
			.header(IdentityHeaders.ROLES, caller.rolesHeader())
			.build();
	}

}
