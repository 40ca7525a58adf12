package io.caas.e2e;

/**
 * What the security suite's attack groups share: the stack, the tally, signed-in users
 * and the two IDE hosts of the suite's own class.
 */
record SuiteContext(Stack stack, RawHttp http, IdeSignIn signIn, HostileCases cases, String classId,
		IdeSignIn.Login admin, IdeSignIn.Login teacher1, IdeSignIn.Login teacher2, IdeSignIn.Login student1,
		IdeSignIn.Login student2) {

	String host1() {
		return this.stack.ideHost(this.classId, "student1");
	}

	String host2() {
		return this.stack.ideHost(this.classId, "student2");
	}

	String app() {
		return this.stack.appHost();
	}

	/** The runtime container of one student of the suite's class, found by label. */
	String runtimeOf(String student) {
		return Docker.idsWithLabel("container", "caas.class=" + this.classId)
			.stream()
			.filter(id -> Docker.run("inspect", "-f", "{{index .Config.Labels \"caas.student\"}}", id).equals(student))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no runtime for " + student + " in " + this.classId));
	}

	/** Our own 403 page: HTML that says so, never the IDE. */
	static boolean refusalPage(RawHttp.Reply reply) {
		return reply.status() == 403 && reply.header("Content-Type").orElse("").startsWith("text/html")
				&& reply.body().contains("This IDE is not yours") && !reply.body().contains("code-server");
	}

	RawHttp.Reply api(String method, String path, String bearer, String body) {
		java.net.http.HttpRequest.BodyPublisher publisher = (body == null)
				? java.net.http.HttpRequest.BodyPublishers.noBody()
				: java.net.http.HttpRequest.BodyPublishers.ofString(body);
		return (bearer == null) ? this.http.send(method, app(), path, publisher, "Content-Type", "application/json")
				: this.http.send(method, app(), path, publisher, "Content-Type", "application/json", "Authorization",
						"Bearer " + bearer);
	}

}
