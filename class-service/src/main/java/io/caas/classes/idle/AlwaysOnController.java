package io.caas.classes.idle;

import io.caas.classes.roster.ClassAccess;
import io.caas.common.identity.Identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/classes/{classId}/always-on} {@code {alwaysOn}}: an always-on
 * class's runtimes are never stopped for idleness. Reading: whoever sees the class;
 * writing: its teacher or an admin.
 */
@RestController
class AlwaysOnController {

	private final ClassAccess access;

	private final IdlePolicies policies;

	AlwaysOnController(ClassAccess access, IdlePolicies policies) {
		this.access = access;
		this.policies = policies;
	}

	@GetMapping("/api/classes/{classId}/always-on")
	IdlePolicy get(Identity who, @PathVariable String classId) {
		this.access.visible(who, classId);
		return new IdlePolicy(classId, this.policies.isAlwaysOn(classId));
	}

	@PutMapping("/api/classes/{classId}/always-on")
	IdlePolicy put(Identity who, @PathVariable String classId, @RequestBody Request request) {
		this.access.manageable(who, classId);
		return this.policies.set(classId, request.alwaysOn());
	}

	record Request(boolean alwaysOn) {
	}

}
