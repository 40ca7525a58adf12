package io.caas.classes.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NamesTest {

	@Test
	void namesFollowTheContract() {
		assertThat(Names.network("caas", "cs101", "student1")).isEqualTo("caas-cs101-student1-net");
		assertThat(Names.container("caas", "cs101", "student1")).isEqualTo("caas-cs101-student1");
		assertThat(Names.router("school2", "cs101", "student1")).isEqualTo("school2-cs101-student1");
	}

	@Test
	void namesWhenIdsSplitDifferentlyThenNeverCollide() {
		List<String[]> pairs = List.of(new String[] { "ab", "c" }, new String[] { "a", "bc" },
				new String[] { "a1", "b" }, new String[] { "a", "1b" }, new String[] { "class", "x" },
				new String[] { "x", "class" }, new String[] { "cs101", "s1" }, new String[] { "cs10", "1s1" });
		Set<String> containers = new HashSet<>();
		Set<String> hosts = new HashSet<>();
		for (String[] pair : pairs) {
			assertThat(containers.add(Names.container("caas", pair[0], pair[1])))
				.as("container of %s/%s", pair[0], pair[1])
				.isTrue();
			assertThat(containers.add(Names.container("other", pair[0], pair[1]))).isTrue();
			assertThat(hosts.add(io.caas.common.naming.Hostnames.ide(pair[0], pair[1], "caas.localhost"))).isTrue();
		}
	}

	@Test
	void networkNameSplitsBackToItsIds() {
		assertThat(Names.parseNetwork(Names.network("school1", "cs101", "s1")))
			.contains(new Names.StudentNetwork("school1", "cs101", "s1"));
		assertThat(Names.parseNetwork("caas-class-cs101")).isEmpty();
		assertThat(Names.parseNetwork("caas-a-b-c-net")).isEmpty();
		assertThat(Names.parseNetwork("caas--s1-net")).isEmpty();
		assertThat(Names.parseNetwork("bridge")).isEmpty();
	}

	@Test
	void namesWhenIdCouldForgeASeparatorThenRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> Names.container("caas", "cs-101", "student1"))
			.withMessageContaining("class id 'cs-101'");
		assertThatIllegalArgumentException().isThrownBy(() -> Names.container("caas", "cs101", "Student1"))
			.withMessageContaining("student id 'Student1'");
		assertThatIllegalArgumentException().isThrownBy(() -> Names.network("ca-as", "a", "b"))
			.withMessageContaining("installation id");
	}

}
