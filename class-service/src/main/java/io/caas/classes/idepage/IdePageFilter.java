package io.caas.classes.idepage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.caas.classes.routing.RoutingProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request for an IDE host ({@code <class>-<student>-ide.<domain>}) or a
 * preview host ({@code <class>-<student>-p<port>.<domain>}), sent here by Traefik's
 * lowest-priority catch-alls or a preview's error pages, with one of our pages, whatever
 * its path or method: such a request never reaches the API, so identity headers a browser
 * might forge on an IDE host mean nothing here. The catch-all sits behind forward-auth
 * (traefik/dynamic.yml), which lets only {@code GET /healthz} with the probe token
 * through without a sign-in: such a probe (or any request a probe router marked, or any
 * {@code GET /healthz} at all) gets {@link IdePage#noAnswer()} whatever the host, without
 * a look at the class, so it can neither enumerate classes and rosters nor wake a runtime
 * stopped for idleness.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdePageFilter extends OncePerRequestFilter {

	/** Set by the {@code caas-ide-probe} middleware (traefik/dynamic.yml). */
	static final String ANONYMOUS_PROBE = "X-Caas-Anonymous-Probe";

	private final IdePages pages;

	/** Groups: class, student, then {@code ide} or {@code p<port>}. */
	private final Pattern ideHost;

	IdePageFilter(IdePages pages, RoutingProperties routing) {
		this.pages = pages;
		this.ideHost = Pattern.compile("^([a-z0-9]+)-([a-z0-9]+)-(ide|p[1-9][0-9]{0,4})\\."
				+ Pattern.quote(routing.domainSuffix().toLowerCase(Locale.ROOT)) + "\\.?$");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher host = this.ideHost.matcher(String.valueOf(request.getServerName()).toLowerCase(Locale.ROOT));
		if (!host.matches()) {
			chain.doFilter(request, response);
			return;
		}
		IdePage page;
		try {
			page = isAnonymousProbe(request) ? IdePage.noAnswer()
					: "ide".equals(host.group(3)) ? this.pages.of(host.group(1), host.group(2), true)
							: preview(host.group(1), host.group(2), Integer.parseInt(host.group(3).substring(1)));
		}
		catch (RuntimeException ex) {
			page = IdePage.unavailable();
		}
		response.setStatus(page.status());
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		if (page.refreshSeconds() > 0) {
			response.setHeader("Retry-After", Integer.toString(page.refreshSeconds()));
		}
		byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private IdePage preview(String classId, String studentId, int port) {
		return (port < 1 || port > 65535) ? IdePage.unknown() : this.pages.preview(classId, studentId, port, true);
	}

	/**
	 * The one request forward-auth passes without a sign-in (gateway
	 * ForwardAuthController, with the probe token, which Traefik removes before it gets
	 * here), or any request Traefik's probe routers sent (their middleware marks it):
	 * Traefik and this filter need not agree on what a path is.
	 */
	private static boolean isAnonymousProbe(HttpServletRequest request) {
		return request.getHeader(ANONYMOUS_PROBE) != null
				|| ("GET".equals(request.getMethod()) && "/healthz".equals(request.getRequestURI()));
	}

}
