package io.caas.classes.idepage;

import org.springframework.web.util.HtmlUtils;

/**
 * One of our pages for an IDE host that no runtime serves right now. Every text is
 * escaped; nothing from the request reaches the page unescaped.
 *
 * @param status HTTP status
 * @param title heading
 * @param message one sentence under it
 * @param refreshSeconds reload after this many seconds (into the IDE once it answers);
 * zero for no reload
 */
record IdePage(int status, String title, String message, int refreshSeconds) {

	static IdePage notOpen(String classId) {
		return new IdePage(503, "This class is not open",
				"Class " + classId + " is closed right now. Your teacher opens it for the lesson; this page"
						+ " does not reload by itself.",
				0);
	}

	static IdePage closing(String classId) {
		return new IdePage(503, "This class is closing",
				"Class " + classId + " is being closed and every workspace saved. Nothing you saved is lost.", 0);
	}

	static IdePage starting(String studentId) {
		return new IdePage(503, "Your IDE is starting",
				"The IDE of " + studentId + " is on its way; this page opens it as soon as it answers.", 2);
	}

	static IdePage notRunning(String studentId) {
		return new IdePage(503, "This IDE is not running",
				"The IDE of " + studentId + " is stopped; your teacher can restart it. This page keeps checking.", 10);
	}

	static IdePage full(String studentId) {
		return new IdePage(503, "The server is full right now",
				"The IDE of " + studentId + " is stopped and the server has no room to start it yet; this page"
						+ " tries again shortly. Nothing you saved is lost.",
				30);
	}

	static IdePage unavailable() {
		return new IdePage(503, "Please wait a moment",
				"CaaS cannot tell the state of this IDE right now; this page tries again shortly.", 5);
	}

	static IdePage notShared(String studentId, int port) {
		return new IdePage(404, "This port is not shared", "Port " + port + " of " + studentId
				+ "'s IDE is not shared. Share it from the class page, then" + " reload.", 0);
	}

	static IdePage nothingListening(String studentId, int port) {
		return new IdePage(502, "Nothing answers on port " + port + " yet",
				"Start your server in " + studentId + "'s IDE on port " + port + ", listening on 0.0.0.0 (not"
						+ " only localhost); this page opens it as soon as it answers.",
				3);
	}

	/**
	 * What an anonymous probe gets on any host: the same for every class and student, so
	 * it tells nothing about who is on a roster or which classes exist.
	 */
	static IdePage noAnswer() {
		return new IdePage(503, "Nothing answers here", "No IDE answers at this address right now.", 0);
	}

	static IdePage unknown() {
		return new IdePage(404, "No IDE here", "There is no IDE at this address. Check the link from your class page.",
				0);
	}

	String html() {
		String refresh = (this.refreshSeconds > 0)
				? "<meta http-equiv=\"refresh\" content=\"" + this.refreshSeconds + "\">\n" : "";
		String title = HtmlUtils.htmlEscape(this.title);
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				%s<title>%s</title>
				<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;\
				color:#222}h1{font-size:1.5rem}</style>
				</head>
				<body>
				<h1>%s</h1>
				<p>%s</p>
				</body>
				</html>
				""".formatted(refresh, title, title, HtmlUtils.htmlEscape(this.message));
	}

}
