package io.caas.auth.ide;

import io.caas.auth.session.Session;
import io.caas.auth.session.SessionStore;
import io.caas.auth.token.AccessTokens;
import io.caas.common.error.CaasException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's half of the IDE sign-in: it decides who may open which IDE host, then
 * asks here for a transfer token (on the app host) and, on the IDE host, trades it for an
 * IDE token bound to that host and to the session. Internal only: never routed.
 */
@RestController
class IdeController {

	private final SessionStore sessions;

	private final IdeTransfers transfers;

	private final AccessTokens tokens;

	IdeController(SessionStore sessions, IdeTransfers transfers, AccessTokens tokens) {
		this.sessions = sessions;
		this.transfers = transfers;
		this.tokens = tokens;
	}

	@PostMapping("/internal/ide-transfers")
	@ResponseStatus(HttpStatus.CREATED)
	TransferToken create(@Valid @RequestBody NewTransfer request) {
		Session session = this.sessions.find(request.sid()).orElseThrow(IdeController::sessionEnded);
		if (session.mustChangePassword()) {
			throw new CaasException(HttpStatus.FORBIDDEN, "password-change-required",
					"The password must be changed before an IDE can be opened");
		}
		return new TransferToken(this.transfers.create(request.sid(), request.host(), request.path()));
	}

	@PostMapping("/internal/ide-transfers/redeem")
	IdeToken redeem(@Valid @RequestBody Redeem request) {
		IdeTransfers.Transfer transfer = this.transfers.redeem(request.token(), request.host())
			.orElseThrow(() -> CaasException.unauthorized("The IDE sign-in link is invalid, used or expired"));
		Session session = this.sessions.find(transfer.sid()).orElseThrow(IdeController::sessionEnded);
		long seconds = Math.max(0, Duration.between(Instant.now(), session.expiresAt()).toSeconds());
		return new IdeToken(this.tokens.issueIde(session, transfer.host()), transfer.path(), seconds);
	}

	private static CaasException sessionEnded() {
		return CaasException.unauthorized("The session has ended");
	}

	record NewTransfer(@NotBlank String sid, @NotBlank @Size(max = 253) @Pattern(regexp = "[a-z0-9.-]+") String host,
			@NotBlank @Size(max = 2048) @Pattern(regexp = "/\\S*") String path) {
	}

	record Redeem(@NotBlank String token, @NotBlank String host) {
	}

	record TransferToken(String token) {
	}

	record IdeToken(String ideToken, String path, long expiresIn) {
	}

}
