package io.caas.classes.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape STYLE.md asks of class-service, checked on its compiled classes: features
 * (packages) without cycles between them, and one port in front of each engine and store
 * library (docker-java behind {@code runtime}, minio-java behind {@code workspace}).
 */
class PackageStructureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.caas.classes");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("io.caas.classes.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theLifecycleVocabularyDependsOnNoOtherPackageOfOurs() {
		noClasses().that()
			.resideInAPackage("io.caas.classes.lifecycle..")
			.should()
			.dependOnClassesThat(
					resideInAPackage("io.caas.classes..").and(resideOutsideOfPackage("io.caas.classes.lifecycle..")))
			.check(CLASSES);
	}

	@Test
	void onlyTheRuntimePackageTalksToDockerJava() {
		noClasses().that()
			.resideOutsideOfPackage("io.caas.classes.runtime..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.github.dockerjava..")
			.check(CLASSES);
	}

	@Test
	void onlyTheWorkspacePackageTalksToMinio() {
		noClasses().that()
			.resideOutsideOfPackage("io.caas.classes.workspace..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.minio..")
			.check(CLASSES);
	}

}
