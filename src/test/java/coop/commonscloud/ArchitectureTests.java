package coop.commonscloud;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain (each module's public API, and any {@code internal.domain} package) is plain Java:
 * records, interfaces, rules. Spring stays in the internal adapters (stores, services, web).
 */
@AnalyzeClasses(packages = "coop.commonscloud", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domain_packages_import_no_spring = noClasses()
			.that().resideInAnyPackage("coop.commonscloud.*", "coop.commonscloud.*.internal.domain..")
			.and().doNotHaveSimpleName("package-info")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
			.because("domain code must read as the rules people wrote, free of the framework");

	@ArchTest
	static final ArchRule no_layer_packages_at_the_top = noClasses()
			.should().resideInAnyPackage("..controllers..", "..services..", "..repositories..")
			.because("the code is packaged by feature, not by layer");
}
