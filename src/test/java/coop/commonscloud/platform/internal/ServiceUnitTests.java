package coop.commonscloud.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher (ops/commonscloud) and the service unit (ops/systemd) start a node with the site's settings, hardened. */
class ServiceUnitTests {

	private static final Path LAUNCHER = Path.of("ops/commonscloud").toAbsolutePath();
	private static final Path UNIT = Path.of("ops/systemd/commonscloud.service");

	@Test
	void the_launcher_starts_the_jar_with_the_site_profile_and_memory_limits(@TempDir Path dir) throws Exception {
		Path jar = Files.writeString(dir.resolve("commons-cloud.jar"), "not read: the java below only prints its arguments");
		Path data = dir.resolve("data");
		Run run = launch(dir, Map.of("COMMONSCLOUD_JAR", jar.toString(), "COMMONSCLOUD_DATA", data.toString()), "--server.port=18080");

		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.lines()).containsSubsequence("-Xmx160m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + data.resolve("tmp"),
				"-jar", jar.toString(), "--spring.profiles.active=site", "--server.port=18080");
		assertThat(run.lines()).contains("data-dir=" + data.resolve("postgres"));
		assertThat(data.resolve("tmp")).isDirectory();
	}

	@Test
	void the_launchers_java_options_and_profiles_can_be_replaced(@TempDir Path dir) throws Exception {
		Path jar = Files.writeString(dir.resolve("commons-cloud.jar"), "");
		Run run = launch(dir, Map.of("COMMONSCLOUD_JAR", jar.toString(), "COMMONSCLOUD_DATA", dir.resolve("data").toString(),
				"COMMONSCLOUD_JAVA_OPTS", "-Xmx1g", "COMMONSCLOUD_PROFILES", "site,demo"));

		assertThat(run.lines()).contains("-Xmx1g", "--spring.profiles.active=site,demo").doesNotContain("-Xmx160m");
	}

	@Test
	void the_launcher_says_which_jar_it_did_not_find(@TempDir Path dir) throws Exception {
		Run run = launch(dir, Map.of("COMMONSCLOUD_JAR", dir.resolve("missing.jar").toString(),
				"COMMONSCLOUD_DATA", dir.resolve("data").toString()));

		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.output()).contains("no jar at " + dir.resolve("missing.jar"), "set COMMONSCLOUD_JAR");
	}

	@Test
	void the_unit_runs_the_launcher_hardened_as_its_own_user_and_restarts_on_failure() throws IOException {
		Map<String, List<String>> unit = Files.readAllLines(UNIT).stream()
				.filter(line -> line.contains("=") && !line.startsWith("#"))
				.collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf('=')),
						Collectors.mapping(line -> line.substring(line.indexOf('=') + 1), Collectors.toList())));

		assertThat(unit).containsEntry("ExecStart", List.of("/opt/commonscloud/commonscloud"))
				.containsEntry("User", List.of("commonscloud"))
				.containsEntry("ProtectSystem", List.of("strict"))
				.containsEntry("ReadWritePaths", List.of("/var/lib/commonscloud"))
				.containsEntry("NoNewPrivileges", List.of("true"))
				.containsEntry("PrivateTmp", List.of("true"))
				.containsEntry("Restart", List.of("on-failure"))
				.containsKeys("MemoryMax", "MemoryHigh");
	}

	/** systemd-analyze warns, and still exits 0, about unknown keys and bad values: any output fails the test. */
	@Test
	void systemd_analyze_finds_nothing_to_say_about_the_unit(@TempDir Path dir) throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed here");
		// the unit names the installed launcher; verify checks that it exists, so point it at this one
		Path unit = dir.resolve("commonscloud.service");
		Files.writeString(unit, Files.readString(UNIT).replace("ExecStart=/opt/commonscloud/commonscloud", "ExecStart=" + LAUNCHER));

		Run run = run(new ProcessBuilder("systemd-analyze", "verify", unit.toString()));

		assertThat(run.output()).isEmpty();
		assertThat(run.exit()).isZero();
	}

	private static Run launch(Path dir, Map<String, String> environment, String... args) throws Exception {
		// a java that prints its arguments and the data directory it was given, one a line
		Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
		Path java = Files.writeString(bin.resolve("java"), """
				#!/bin/sh
				for arg in "$@"; do echo "$arg"; done
				echo "data-dir=$COMMONSCLOUD_DATABASE_EMBEDDED_DATA_DIR"
				""");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of("sh", LAUNCHER.toString())));
		builder.command().addAll(List.of(args));
		builder.environment().remove("COMMONSCLOUD_JAVA_OPTS");
		builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
		builder.environment().putAll(environment);
		return run(builder);
	}

	private static Run run(ProcessBuilder builder) throws Exception {
		Process process = builder.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int exit, String output) {
		List<String> lines() {
			return output.lines().toList();
		}
	}
}
