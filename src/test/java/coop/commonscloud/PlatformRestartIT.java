package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application the way an operator does, on an embedded PostgreSQL with a data
 * directory of its own: it must become healthy, serve the home page, and keep what was written
 * across a restart. (How fast it becomes healthy is a benchmark: bench/startup.sh.)
 */
class PlatformRestartIT {

	static final String PASSWORD = "restart-test-password";
	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path dataDir;

	@Test
	void the_platform_starts_healthy_and_keeps_its_data_across_a_restart() throws Exception {
		int port = freePort();
		Process first = start(port);
		try {
			Duration startup = awaitHealthy(port);
			// the 30 s start-up target is measured by bench/startup.sh on a quiet machine, not asserted here
			System.out.println("Healthy after " + startup.toMillis() + " ms (first start, including initdb)");
			HttpResponse<String> home = get(port, "/");
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(port, "/api/regions/restart-test"))
					.header("Authorization", basic()).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Survives restarts\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
		} finally {
			stop(first);
		}

		Process second = start(port);
		try {
			awaitHealthy(port);
			HttpResponse<String> region = get(port, "/api/regions/restart-test");
			assertThat(region.statusCode()).isEqualTo(200);
			assertThat(region.body()).contains("Survives restarts");
		} finally {
			stop(second);
		}
	}

	private Process start(int port) throws IOException {
		File jar = Files.list(Path.of("target"))
				.filter(p -> p.getFileName().toString().matches("commons-cloud-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst().orElseThrow(() -> new IllegalStateException("run after package: no jar in target/"))
				.toFile();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar.getAbsolutePath(), "--server.port=" + port,
				"--commonscloud.database.embedded.data-dir=" + dataDir.resolve("postgres")));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dataDir.resolve("app-" + System.nanoTime() + ".log").toFile());
		builder.environment().put("COMMONSCLOUD_ADMIN_PASSWORD", PASSWORD);
		builder.environment().remove("SPRING_DATASOURCE_URL");
		return builder.start();
	}

	private Duration awaitHealthy(int port) throws Exception {
		long start = System.nanoTime();
		while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(180)) {
			try {
				HttpResponse<String> health = get(port, "/actuator/health");
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			} catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not healthy after 180 s; logs in " + dataDir);
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
