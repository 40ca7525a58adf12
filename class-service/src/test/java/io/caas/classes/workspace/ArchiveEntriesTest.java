package io.caas.classes.workspace;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveEntriesTest {

	@Test
	void classifyWhenRegularFileInsideThenStored() {
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("workspace/src/a.py"), "workspace"))
			.isEqualTo(new ArchiveEntries.RegularFile("src/a.py"));
	}

	@Test
	void classifyWhenNameClimbsOutThenRefused() {
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("workspace/../../etc/cron.d/x"), "workspace"))
			.isInstanceOf(ArchiveEntries.Refused.class);
	}

	@Test
	void classifyWhenNameIsAbsoluteThenRefused() {
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("/etc/passwd", true), "workspace"))
			.isInstanceOf(ArchiveEntries.Refused.class);
	}

	@Test
	void classifyWhenOutsideTheWorkspaceFolderThenRefused() {
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("other/a"), "workspace"))
			.isInstanceOf(ArchiveEntries.Refused.class);
	}

	@Test
	void classifyWhenSymlinkPointsOutsideThenInertRecordOnly() {
		TarArchiveEntry link = new TarArchiveEntry("workspace/secret", TarArchiveEntry.LF_SYMLINK);
		link.setLinkName("/etc/shadow");

		assertThat(ArchiveEntries.classify(link, "workspace"))
			.isEqualTo(new ArchiveEntries.Inert("secret", "symlink", "/etc/shadow"));
	}

	@Test
	void classifyWhenHardLinkThenInertNamingItsTarget() {
		TarArchiveEntry link = new TarArchiveEntry("workspace/b", TarArchiveEntry.LF_LINK);
		link.setLinkName("workspace/a");

		assertThat(ArchiveEntries.classify(link, "workspace"))
			.isEqualTo(new ArchiveEntries.Inert("b", "hardlink", "a"));
	}

	@Test
	void classifyWhenDeviceOrFifoThenInert() {
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("workspace/null", TarArchiveEntry.LF_CHR), "workspace"))
			.isEqualTo(new ArchiveEntries.Inert("null", "device", ""));
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("workspace/sda", TarArchiveEntry.LF_BLK), "workspace"))
			.isEqualTo(new ArchiveEntries.Inert("sda", "device", ""));
		assertThat(ArchiveEntries.classify(new TarArchiveEntry("workspace/p", TarArchiveEntry.LF_FIFO), "workspace"))
			.isEqualTo(new ArchiveEntries.Inert("p", "fifo", ""));
	}

	@Test
	void rootProblemWhenRootIsASymlinkOrFileThenSaysSo() {
		TarArchiveEntry link = new TarArchiveEntry("workspace", TarArchiveEntry.LF_SYMLINK);
		link.setLinkName("/tmp/elsewhere");

		assertThat(ArchiveEntries.rootProblem(link, "workspace"))
			.hasValueSatisfying(p -> assertThat(p).contains("symlink to '/tmp/elsewhere'"));
		assertThat(ArchiveEntries.rootProblem(new TarArchiveEntry("workspace"), "workspace"))
			.hasValueSatisfying(p -> assertThat(p).contains("not a folder"));
		assertThat(ArchiveEntries.rootProblem(null, "workspace")).isPresent();
		assertThat(ArchiveEntries.rootProblem(new TarArchiveEntry("workspace/"), "workspace")).isEmpty();
	}

}
