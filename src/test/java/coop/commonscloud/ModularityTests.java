package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(CommonsCloudApplication.class);

	/** The Javadoc that Spring Modulith's annotation processor collects for the module canvases. */
	static final Path JAVADOC = Path.of("target/generated-spring-modulith/javadoc.json");

	@Test
	void modules_have_no_cycles_and_reach_only_into_each_others_public_api() {
		MODULES.verify();
	}

	/** Pages that compose several modules live in {@code pages}, so these two need no account lookups. */
	@ParameterizedTest
	@ValueSource(strings = {"infrastructure", "settlement"})
	void a_module_that_only_needs_the_caller_does_not_depend_on_identity(String name) {
		ApplicationModule module = MODULES.getModuleByName(name).orElseThrow();
		assertThat(module.getDirectDependencies(MODULES).containsModuleNamed("identity")).isFalse();
	}

	/**
	 * Writes the C4 component diagram of all modules ({@code components.puml}), one diagram per
	 * module ({@code module-*.puml}) and each module's canvas ({@code module-*.adoc}) to
	 * {@code docs/modules/}. They are committed, so the forge shows them and
	 * {@code docs/architecture.md} links to them: after changing a module's shape, run this test and
	 * commit what changed.
	 */
	@Test
	void the_module_documentation_is_written_to_docs_modules() throws IOException {
		readableByModulith(JAVADOC);
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
				.writeDocumentation();
	}

	/**
	 * The Documenter reads the collected Javadoc with Spring Boot's {@code BasicJsonParser}, which
	 * loses its place at an escaped quote inside a string (a Javadoc that quotes a phrase), so
	 * quotes inside comments become single quotes in this build output before it is read.
	 */
	static void readableByModulith(Path javadoc) throws IOException {
		if (Files.exists(javadoc)) {
			Files.writeString(javadoc, Files.readString(javadoc).replace("\\\"", "'"));
		}
	}
}
