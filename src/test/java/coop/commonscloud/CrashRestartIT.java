package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged application, then {@code java -jar} again on the same data directory: the
 * PostgreSQL server the killed JVM started outlives it and still holds {@code postmaster.pid}; the next start must
 * stop it (platform/internal/LeftoverPostmaster), come back UP and have every committed row.
 */
class CrashRestartIT {

	/**
	 * Generous, for a build machine that runs many things at once; a quiet one is healthy in well under 30 s
	 * (bench/startup.sh). Without the fix the second start does not take this long: the process ends, and the test
	 * fails at once with the log's reason.
	 */
	static final Duration HEALTHY_WITHIN = Duration.ofSeconds(300);

	@TempDir
	Path dir;

	@Test
	void after_kill_9_the_platform_comes_back_up_with_its_data() throws Exception {
		PackagedPlatform platform = new PackagedPlatform(dir);
		Process first = platform.start();
		ProcessHandle postmaster;
		try {
			platform.awaitHealthy(first, HEALTHY_WITHIN);
			assertThat(platform.putRegion("crash-test", "Survives kill -9").statusCode()).isEqualTo(201);
			postmaster = postmaster(platform).orElseThrow(() -> new AssertionError("no live postmaster.pid in " + platform.dataDir()));
		} catch (Throwable e) {
			PackagedPlatform.stop(first);
			throw e;
		}

		// the JVM itself, not a shell around it: SIGKILL, so no shutdown hook stops the database
		assertThat(first.info().command()).hasValueSatisfying(command -> assertThat(Path.of(command).getFileName().toString()).isEqualTo("java"));
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
		// what makes this a crash test: the server the JVM started is still running on the data directory
		assertThat(postmaster.isAlive()).as("the postmaster (pid %d) outlives the killed JVM", postmaster.pid()).isTrue();
		assertThat(postmaster(platform)).map(ProcessHandle::pid).hasValue(postmaster.pid());

		Process second = platform.start();
		try {
			Duration healthy = platform.awaitHealthy(second, HEALTHY_WITHIN);
			System.out.println("Healthy " + healthy.toMillis() + " ms after the restart that followed kill -9");
			assertThat(postmaster.isAlive()).as("the leftover postmaster was stopped").isFalse();
			HttpResponse<String> region = platform.get("/api/regions/crash-test");
			assertThat(region.statusCode()).isEqualTo(200);
			assertThat(region.body()).contains("Survives kill -9");
		} finally {
			PackagedPlatform.stop(second);
		}
		assertThat(second.exitValue()).as("a clean stop after the restart").isNotEqualTo(128 + 9);
		assertThat(postmaster(platform)).as("the clean stop stops its database too").isEmpty();
	}

	/** The live process that {@code postmaster.pid}'s first line names. */
	private static Optional<ProcessHandle> postmaster(PackagedPlatform platform) throws IOException {
		Path pidFile = platform.dataDir().resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		String pid = Files.readAllLines(pidFile).get(0).strip();
		return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
	}

	/** A failed run must not leave a server of its own behind on the temporary directory. */
	@AfterEach
	void stopLeftovers() throws IOException {
		Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent(ProcessHandle::destroy);
		}
	}
}
