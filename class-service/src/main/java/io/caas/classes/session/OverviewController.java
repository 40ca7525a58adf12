package io.caas.classes.session;

import io.caas.common.identity.Identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OverviewController {

	private final AdminOverview overview;

	OverviewController(AdminOverview overview) {
		this.overview = overview;
	}

	/** Admins: the open classes, their students' state and resource use. */
	@GetMapping("/api/admin/overview")
	AdminOverview.Overview overview(Identity who) {
		return this.overview.of(who);
	}

}
