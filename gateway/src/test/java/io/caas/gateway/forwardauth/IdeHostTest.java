package io.caas.gateway.forwardauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdeHostTest {

	private static final String SUFFIX = "caas.localhost";

	@Test
	void classAndStudentAreReadBack() {
		assertThat(IdeHost.parse("cs101-student1-ide.caas.localhost", SUFFIX))
			.contains(new IdeHost("cs101", "student1"));
	}

	@Test
	void portIsIgnored() {
		assertThat(IdeHost.parse("cs101-student1-ide.caas.localhost:8088", SUFFIX))
			.contains(new IdeHost("cs101", "student1"));
	}

	@Test
	void hostIsCaseInsensitiveLikeDns() {
		assertThat(IdeHost.parse("CS101-Student1-IDE.Caas.Localhost", SUFFIX))
			.contains(new IdeHost("cs101", "student1"));
	}

	/**
	 * Traefik's Host() also routes the fully qualified name: it must be the same host
	 * here, or a running IDE's dotted host would answer otherwise than an unknown one.
	 */
	@Test
	void aTrailingDotNamesTheSameHost() {
		assertThat(IdeHost.parse("cs101-student1-ide.caas.localhost.", SUFFIX))
			.contains(new IdeHost("cs101", "student1"));
		assertThat(IdeHost.parse("cs101-student1-ide.caas.localhost.:8088", SUFFIX))
			.contains(new IdeHost("cs101", "student1"));
		assertThat(IdeHost.parse("cs101-student1-p3000.caas.localhost.", SUFFIX))
			.contains(new IdeHost("cs101", "student1", 3000));
	}

	@Test
	void suffixWithMoreLabelsWorks() {
		assertThat(IdeHost.parse("c1-s1-ide.school.example.org", "school.example.org"))
			.contains(new IdeHost("c1", "s1"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "app.caas.localhost", // the app host
			"cs101-student1-p.caas.localhost", // a preview without a port
			"cs101-student1-p0.caas.localhost", // port 0
			"cs101-student1-p03000.caas.localhost", // a leading zero: one name per port
			"cs101-student1-p65536.caas.localhost", // past the last port
			"cs101-student1-p3000x.caas.localhost", // not a number
			"cs101-student1-q3000.caas.localhost", // neither ide nor p<port>
			"cs101-student1-ide.evil.example", // another domain
			"cs101-student1-ide.caas.localhost.evil.example", // suffix only as a prefix
			"cs101-student1-ide.xcaas.localhost", // suffix must start at a label
			"student1-ide.caas.localhost", // no class
			"-student1-ide.caas.localhost", // empty class
			"cs101--ide.caas.localhost", // empty student
			"a-b-c-ide.caas.localhost", // ids never contain '-'
			"cs_101-student1-ide.caas.localhost", // not a DNS label
			"x.cs101-student1-ide.caas.localhost", // a deeper host
			"cs101-student1-ide.caas.localhost:", // dangling port separator
			"cs101-student1-ide.caas.localhost..", // two trailing dots
			"cs101-student1-ide.caas.localhost, app.caas.localhost", // two values
			"cs101-abcdefghijabcdefghijabcdefghijabc-ide.caas.localhost" // id over 32
	})
	void anythingElseIsNotAnIdeHost(String host) {
		assertThat(IdeHost.parse(host, SUFFIX)).isEmpty();
	}

	@Test
	void aPreviewHostIsTheSameStudentWithItsPortAndNamesItselfBack() {
		IdeHost preview = IdeHost.parse("cs101-student1-p3000.caas.localhost:8088", SUFFIX).orElseThrow();

		assertThat(preview).isEqualTo(new IdeHost("cs101", "student1", 3000));
		assertThat(preview.isPreview()).isTrue();
		assertThat(preview.name(SUFFIX)).isEqualTo("cs101-student1-p3000.caas.localhost");
		assertThat(new IdeHost("cs101", "student1").name(SUFFIX)).isEqualTo("cs101-student1-ide.caas.localhost");
	}

	@Test
	void previewPortsRunFromOneTo65535AndHostsAreCaseInsensitive() {
		assertThat(IdeHost.parse("cs101-student1-p1.caas.localhost", SUFFIX))
			.contains(new IdeHost("cs101", "student1", 1));
		assertThat(IdeHost.parse("cs101-student1-p65535.caas.localhost", SUFFIX))
			.contains(new IdeHost("cs101", "student1", 65535));
		assertThat(IdeHost.parse("CS101-Student1-P8000.Caas.Localhost", SUFFIX))
			.contains(new IdeHost("cs101", "student1", 8000));
	}

	@Test
	void blankSuffixMatchesNothing() {
		assertThat(IdeHost.parse("cs101-student1-ide.", "")).isEmpty();
	}

}
