package io.caas.classes.routing;

import io.caas.common.naming.Hostnames;

import org.springframework.stereotype.Component;

/**
 * Public URLs of a student's IDE and previews, as a browser reaches them through Traefik.
 */
@Component
public class IdeUrls {

	private final RoutingProperties routing;

	public IdeUrls(RoutingProperties routing) {
		this.routing = routing;
	}

	public String of(String classId, String studentId) {
		return url(Hostnames.ide(classId, studentId, this.routing.domainSuffix()));
	}

	/** Public URL of a port one student shared ({@code <class>-<student>-p<port>}). */
	public String preview(String classId, String studentId, int port) {
		return url(Hostnames.preview(classId, studentId, port, this.routing.domainSuffix()));
	}

	private String url(String host) {
		String template = this.routing.publicUrlTemplate();
		if (template != null && !template.isBlank()) {
			return template.replace("{host}", host);
		}
		String scheme = this.routing.publicScheme();
		int port = this.routing.publicPort();
		boolean defaultPort = (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

	public Labels.Route route(String classId, String studentId, int port) {
		return new Labels.Route(classId, studentId, port, this.routing.domainSuffix(), this.routing.entrypoint(),
				this.routing.probeToken());
	}

}
