package io.caas.auth.login;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.caas.auth.session.Session;
import io.caas.auth.session.SessionStore;
import io.caas.auth.token.AccessTokens;
import io.caas.common.error.CaasException;
import io.caas.common.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final UserServiceClient userService;

	private final SessionStore sessions;

	private final AccessTokens tokens;

	private final SessionCookie cookie;

	private final LoginThrottle throttle;

	AuthController(UserServiceClient userService, SessionStore sessions, AccessTokens tokens, SessionCookie cookie,
			LoginThrottle throttle) {
		this.userService = userService;
		this.sessions = sessions;
		this.tokens = tokens;
		this.cookie = cookie;
		this.throttle = throttle;
	}

	@PostMapping("/login")
	ResponseEntity<?> login(@Valid @RequestBody AuthRequests.Login request, HttpServletRequest http) {
		String address = ClientAddress.of(http);
		Optional<Duration> wait = this.throttle.blocked(request.username(), address);
		if (wait.isPresent()) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-logins",
						"Too many failed sign-ins; try again in " + wait.get().toSeconds() + " s"));
		}
		UserServiceClient.VerifiedUser user;
		try {
			user = this.userService.verify(request.username(), request.password());
		}
		catch (CaasException ex) {
			if (ex.status() == HttpStatus.UNAUTHORIZED) {
				this.throttle.failed(request.username(), address);
			}
			throw ex;
		}
		this.throttle.succeeded(request.username());
		Session.Start start = new Session.Start(user.mustChangePassword(), address,
				http.getHeader(HttpHeaders.USER_AGENT));
		return answer(this.sessions.open(user.username(), user.roles(), start), user.mustChangePassword());
	}

	/**
	 * Rotates the refresh token and re-reads the account: new roles (and a pending
	 * password change) take effect now, and a disabled or deleted account ends its
	 * session here.
	 */
	@PostMapping("/refresh")
	ResponseEntity<AuthRequests.Tokens> refresh(@Valid @RequestBody AuthRequests.Refresh request) {
		Session.Opened opened = this.sessions.rotate(request.refreshToken())
			.orElseThrow(() -> CaasException.unauthorized("Refresh token is invalid, used or expired"));
		Session session = opened.session();
		Optional<UserServiceClient.VerifiedUser> user = this.userService.current(session.username());
		if (user.isEmpty()) {
			this.sessions.close(session.sid());
			throw CaasException.unauthorized("The account no longer exists or is disabled");
		}
		if (!user.get().roles().equals(session.roles())
				|| user.get().mustChangePassword() != session.mustChangePassword()) {
			session = this.sessions.updateAccount(session, user.get().roles(), user.get().mustChangePassword());
		}
		return answer(new Session.Opened(session, opened.refreshToken()), null);
	}

	/**
	 * Ends the session named by the bearer token, the session cookie or a refresh token.
	 * Always 204: logging out twice, or with a session already gone, is not an error.
	 */
	@PostMapping("/logout")
	ResponseEntity<Void> logout(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@CookieValue(name = SessionCookie.NAME, required = false) String sessionCookie,
			@RequestBody(required = false) AuthRequests.Refresh body) {
		Optional<String> sid = Stream.of(bearer(authorization), sessionCookie)
			.filter(Objects::nonNull)
			.flatMap((token) -> this.tokens.sessionOf(token).stream())
			.findFirst();
		if (sid.isEmpty() && body != null && body.refreshToken() != null) {
			sid = this.sessions.sessionOfRefreshToken(body.refreshToken());
		}
		sid.ifPresent(this.sessions::close);
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, this.cookie.clear()).build();
	}

	private ResponseEntity<AuthRequests.Tokens> answer(Session.Opened opened, Boolean mustChangePassword) {
		String accessToken = this.tokens.issue(opened.session());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.SET_COOKIE, this.cookie.issue(accessToken))
			.body(new AuthRequests.Tokens(accessToken, opened.refreshToken(), this.tokens.expiresIn(),
					mustChangePassword));
	}

	private static String bearer(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return authorization.substring(7).strip();
	}

}
