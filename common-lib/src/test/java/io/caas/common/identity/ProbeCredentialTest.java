package io.caas.common.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeCredentialTest {

	private static final String TOKEN = "k7Qw2vB9xR4mT1zP";

	@Test
	void onlyTheConfiguredTokenMatches() {
		assertThat(ProbeCredential.matches(TOKEN, TOKEN)).isTrue();
		assertThat(ProbeCredential.matches(TOKEN, TOKEN + "x")).isFalse();
		assertThat(ProbeCredential.matches(TOKEN, TOKEN.substring(1))).isFalse();
		assertThat(ProbeCredential.matches(TOKEN, TOKEN.toLowerCase())).isFalse();
		assertThat(ProbeCredential.matches(TOKEN, "")).isFalse();
		assertThat(ProbeCredential.matches(TOKEN, null)).isFalse();
	}

	@Test
	void aBlankConfiguredTokenMatchesNothingNotEvenABlankOne() {
		assertThat(ProbeCredential.matches("", "")).isFalse();
		assertThat(ProbeCredential.matches(null, null)).isFalse();
		assertThat(ProbeCredential.matches(" ", " ")).isFalse();
	}

	@Test
	void aTokenMustBeLongAndSafeInsideATraefikRule() {
		assertThat(ProbeCredential.FORM.matcher(TOKEN).matches()).isTrue();
		assertThat(ProbeCredential.FORM.matcher("c2VjcmV0LXByb2JlLXRva2VuLTEyMw==").matches()).isTrue();
		assertThat(ProbeCredential.FORM.matcher("short").matches()).isFalse();
		assertThat(ProbeCredential.FORM.matcher("abcdefgh`) || Host(`x").matches()).isFalse();
		assertThat(ProbeCredential.FORM.matcher("abcdefgh ijklmnopq").matches()).isFalse();
	}

}
