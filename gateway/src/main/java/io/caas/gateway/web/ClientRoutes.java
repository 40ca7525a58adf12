package io.caas.gateway.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Which requests are pages of the single-page app: a browser navigating (GET/HEAD asking
 * for HTML) to a path that is no API, no file and no endpoint of the gateway itself.
 * Those get {@code index.html}, and the app's router shows the page, so deep links and
 * reloads work.
 */
public final class ClientRoutes {

	/** Paths that are never app pages, whatever the browser asks for. */
	private static final List<String> RESERVED = List.of("/api/", "/internal/", "/assets/", "/actuator/",
			"/.well-known/", "/ide/", "/forward-auth", "/.caas/");

	private ClientRoutes() {
	}

	public static boolean isAppPage(HttpMethod method, String path, List<MediaType> accept) {
		if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
			return false;
		}
		if (path.isEmpty() || "/".equals(path) || "/index.html".equals(path)) {
			return false;
		}
		for (String reserved : RESERVED) {
			if (path.startsWith(reserved) || path.equals(reserved.substring(0, reserved.length() - 1))) {
				return false;
			}
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		if (last.contains(".") || path.contains("//")) {
			return false;
		}
		return accept.stream().anyMatch((type) -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
	}

}
