package io.caas.classes.submission;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.caas.classes.submission.SignedLinks.FileRef;
import io.caas.classes.workspace.Manifest;
import io.caas.classes.workspace.StoredAttempts;
import io.caas.common.error.CaasException;
import io.caas.common.identity.Identity;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What was collected, per {@code /work/shared/API.md}: the listing, zips of one student
 * or a whole session streamed from the store, and single files through short-lived signed
 * links. Access is decided before anything is read or streamed.
 */
@RestController
class SubmissionController {

	private static final String BASE = "/api/classes/{classId}/submissions";

	private final SubmissionService submissions;

	private final SubmissionZips zips;

	private final SignedLinks links;

	private final StoredAttempts attempts;

	SubmissionController(SubmissionService submissions, SubmissionZips zips, SignedLinks links,
			StoredAttempts attempts) {
		this.submissions = submissions;
		this.zips = zips;
		this.links = links;
		this.attempts = attempts;
	}

	@GetMapping(BASE)
	SubmissionsView list(Identity who, @PathVariable String classId) {
		return this.submissions.list(who, classId);
	}

	@GetMapping(BASE + "/{sessionId}/{studentId}.zip")
	void studentZip(Identity who, @PathVariable String classId, @PathVariable String sessionId,
			@PathVariable String studentId, @RequestParam(required = false) String attempt,
			HttpServletResponse response) throws IOException {
		Manifest manifest = this.submissions.attempt(who, classId, sessionId, studentId, attempt);
		zip(response, classId + "-" + sessionId + "-" + studentId + ".zip");
		this.zips.write(List.of(manifest), false, response.getOutputStream());
	}

	@GetMapping(BASE + "/{sessionId}.zip")
	void sessionZip(Identity who, @PathVariable String classId, @PathVariable String sessionId,
			HttpServletResponse response) throws IOException {
		SubmissionService.requireManager(who);
		List<Manifest> manifests = this.submissions.session(who, classId, sessionId);
		zip(response, classId + "-" + sessionId + ".zip");
		this.zips.write(manifests, true, response.getOutputStream());
	}

	/** A link to one file, valid for a few minutes, for the caller only. */
	@GetMapping(BASE + "/{sessionId}/{studentId}/link")
	LinkView link(Identity who, @PathVariable String classId, @PathVariable String sessionId,
			@PathVariable String studentId, @RequestParam String path, @RequestParam(required = false) String attempt) {
		Manifest manifest = this.submissions.attempt(who, classId, sessionId, studentId, attempt);
		SubmissionService.file(manifest, path);
		FileRef ref = new FileRef(classId, sessionId, studentId, manifest.attemptId(), path);
		Instant expires = this.links.expiry();
		String url = UriComponentsBuilder.fromPath("/api/classes/{c}/submissions/{s}/{u}/{a}/files/")
			.path(path)
			.queryParam("expires", expires.getEpochSecond())
			.queryParam("sig", this.links.sign(ref, who.username(), expires.getEpochSecond()))
			.buildAndExpand(classId, sessionId, studentId, manifest.attemptId())
			.encode()
			.toUriString();
		return new LinkView(url, expires);
	}

	@GetMapping(BASE + "/{sessionId}/{studentId}/{attemptId}/files/{*path}")
	void file(Identity who, @PathVariable String classId, @PathVariable String sessionId,
			@PathVariable String studentId, @PathVariable String attemptId, @PathVariable String path,
			@RequestParam long expires, @RequestParam String sig, HttpServletResponse response) throws IOException {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		FileRef ref = new FileRef(classId, sessionId, studentId, attemptId, relative);
		if (!this.links.valid(ref, who.username(), expires, sig)) {
			throw CaasException.forbidden("link is expired or not signed for you; ask for a new one");
		}
		Manifest manifest = this.submissions.attempt(who, classId, sessionId, studentId, attemptId);
		Manifest.FileEntry file = SubmissionService.file(manifest, relative);
		response.setContentType("application/octet-stream");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(relative.substring(relative.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setContentLengthLong(file.size());
		try (InputStream in = this.attempts.open(manifest, relative)) {
			in.transferTo(response.getOutputStream());
		}
	}

	private static void zip(HttpServletResponse response, String filename) {
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
	}

	record LinkView(String url, Instant expiresAt) {
	}

}
