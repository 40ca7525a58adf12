package io.caas.classes.preview;

import java.net.URI;
import java.util.List;

import io.caas.common.identity.Identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/classes/{classId}/students/{studentId}/ports}: port sharing (API.md). */
@RestController
class PortShareController {

	private final PortShares shares;

	PortShareController(PortShares shares) {
		this.shares = shares;
	}

	@GetMapping("/api/classes/{classId}/students/{studentId}/ports")
	List<PortShareView> list(Identity who, @PathVariable String classId, @PathVariable String studentId) {
		return this.shares.list(who, classId, studentId);
	}

	/** 201 with the preview URL; 200 if the port was shared already. */
	@PostMapping("/api/classes/{classId}/students/{studentId}/ports")
	ResponseEntity<PortShareView> share(Identity who, @PathVariable String classId, @PathVariable String studentId,
			@RequestBody(required = false) SharePortRequest request) {
		PortShares.Shared shared = this.shares.share(who, classId, studentId, request);
		if (!shared.created()) {
			return ResponseEntity.ok(shared.view());
		}
		return ResponseEntity
			.created(
					URI.create("/api/classes/" + classId + "/students/" + studentId + "/ports/" + shared.view().port()))
			.body(shared.view());
	}

	@DeleteMapping("/api/classes/{classId}/students/{studentId}/ports/{port}")
	ResponseEntity<Void> unshare(Identity who, @PathVariable String classId, @PathVariable String studentId,
			@PathVariable int port) {
		this.shares.unshare(who, classId, studentId, port);
		return ResponseEntity.noContent().build();
	}

}
