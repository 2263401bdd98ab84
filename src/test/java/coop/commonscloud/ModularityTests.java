package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
	 * commit what changed. The Documenter writes relations and lists in no fixed order, so they are
	 * sorted afterwards: an unchanged module graph leaves the files byte for byte as they were.
	 */
	@Test
	void the_module_documentation_is_written_to_docs_modules() throws IOException {
		readableByModulith(JAVADOC);
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
				.writeDocumentation();
		inFixedOrder(DOCS);
	}

	static final Path DOCS = Path.of("docs/modules");

	static void inFixedOrder(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
				String text = Files.readString(file);
				List<String> lines = List.of(text.split("\n", -1));
				String sorted = String.join("\n",
						file.toString().endsWith(".puml") ? sortedDiagram(lines) : sortedCanvas(lines));
				if (!sorted.equals(text)) {
					Files.writeString(file, sorted);
				}
			}
		}
	}

	/** Each run of adjacent {@code Rel(…)} or {@code Component(…)} lines of a PlantUML diagram, sorted. */
	static List<String> sortedDiagram(List<String> lines) {
		List<String> out = new ArrayList<>();
		List<String> run = new ArrayList<>();
		String runKind = null;
		for (String line : lines) {
			String kind = line.strip().startsWith("Rel(") ? "Rel(" : line.strip().startsWith("Component(") ? "Component(" : null;
			if (kind == null || !kind.equals(runKind)) {
				run.sort(null);
				out.addAll(run);
				run.clear();
			}
			runKind = kind;
			(kind == null ? out : run).add(line);
		}
		run.sort(null);
		out.addAll(run);
		return out;
	}

	/**
	 * Each list of a module canvas (adjacent {@code * …} items, the first of a table cell written
	 * {@code |* …}), sorted; the blank lines the Documenter leaves among a list's items go after it.
	 */
	static List<String> sortedCanvas(List<String> lines) {
		List<String> out = new ArrayList<>();
		List<String> items = new ArrayList<>();
		int blanks = 0;
		boolean cell = false;
		for (String line : lines) {
			boolean item = line.startsWith("* ") || line.startsWith("|* ");
			if (item || (!items.isEmpty() && line.isBlank())) {
				if (items.isEmpty()) {
					cell = line.startsWith("|");
				}
				if (line.isBlank()) {
					blanks++;
				} else {
					items.add(line.startsWith("|") ? line.substring(1) : line);
				}
				continue;
			}
			flushList(out, items, blanks, cell);
			blanks = 0;
			out.add(line);
		}
		flushList(out, items, blanks, cell);
		return out;
	}

	private static void flushList(List<String> out, List<String> items, int blanks, boolean cell) {
		if (items.isEmpty()) {
			for (int i = 0; i < blanks; i++) {
				out.add("");
			}
			return;
		}
		items.sort(null);
		out.add((cell ? "|" : "") + items.get(0));
		out.addAll(items.subList(1, items.size()));
		for (int i = 0; i < blanks; i++) {
			out.add("");
		}
		items.clear();
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
