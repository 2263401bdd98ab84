package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application the way an operator does, on an embedded PostgreSQL with a data
 * directory of its own: it must become healthy, serve the home page, and keep what was written
 * across a restart. (How fast it becomes healthy is a benchmark: bench/startup.sh.) A restart after
 * {@code kill -9} is {@link CrashRestartIT}.
 */
class PlatformRestartIT {

	@TempDir
	Path dir;

	@Test
	void the_platform_starts_healthy_and_keeps_its_data_across_a_restart() throws Exception {
		PackagedPlatform platform = new PackagedPlatform(dir);
		Process first = platform.start();
		try {
			Duration startup = platform.awaitHealthy(first, Duration.ofSeconds(300));
			// the 30 s start-up target is measured by bench/startup.sh on a quiet machine, not asserted here
			System.out.println("Healthy after " + startup.toMillis() + " ms (first start, including initdb)");
			HttpResponse<String> home = platform.get("/");
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(platform.putRegion("restart-test", "Survives restarts").statusCode()).isEqualTo(201);
		} finally {
			PackagedPlatform.stop(first);
		}

		Process second = platform.start();
		try {
			platform.awaitHealthy(second, Duration.ofSeconds(300));
			HttpResponse<String> region = platform.get("/api/regions/restart-test");
			assertThat(region.statusCode()).isEqualTo(200);
			assertThat(region.body()).contains("Survives restarts");
		} finally {
			PackagedPlatform.stop(second);
		}
	}
}
