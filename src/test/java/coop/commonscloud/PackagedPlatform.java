package coop.commonscloud;

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

/**
 * The packaged jar, run as an operator runs it: {@code java -jar} on an embedded PostgreSQL with a kept data directory
 * ({@code <dir>/postgres}), its log in {@code <dir>/app-*.log}. For the ITs that start and stop it.
 */
final class PackagedPlatform {

	static final String PASSWORD = "restart-test-password";

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	final Path dir;
	final int port;
	private Path log;

	PackagedPlatform(Path dir) throws IOException {
		this.dir = dir;
		this.port = freePort();
	}

	Path dataDir() {
		return dir.resolve("postgres");
	}

	/** The java process itself (no shell in between), so that killing it kills the JVM. */
	Process start() throws IOException {
		File jar = Files.list(Path.of("target"))
				.filter(p -> p.getFileName().toString().matches("commons-cloud-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst().orElseThrow(() -> new IllegalStateException("run after package: no jar in target/"))
				.toFile();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar.getAbsolutePath(), "--server.port=" + port,
				"--commonscloud.database.embedded.data-dir=" + dataDir()));
		log = dir.resolve("app-" + System.nanoTime() + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("COMMONSCLOUD_ADMIN_PASSWORD", PASSWORD);
		builder.environment().remove("SPRING_DATASOURCE_URL");
		return builder.start();
	}

	/** Waits until {@code /actuator/health} is UP; fails at once, with the log's end, when the process has ended. */
	Duration awaitHealthy(Process process, Duration bound) throws Exception {
		long start = System.nanoTime();
		while (System.nanoTime() - start < bound.toNanos()) {
			if (!process.isAlive()) {
				throw new AssertionError("the platform ended (exit " + process.exitValue() + ") before it was healthy:\n"
						+ logTail());
			}
			try {
				HttpResponse<String> health = get("/actuator/health");
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return Duration.ofNanos(System.nanoTime() - start);
				}
			} catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new AssertionError("not healthy after " + bound.toSeconds() + " s; log in " + log + ":\n" + logTail());
	}

	/** The last lines of the current run's log that say what went wrong (or simply the last ones). */
	String logTail() throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		List<String> telling = lines.stream()
				.filter(line -> line.contains("ERROR") || line.contains("Exception") || line.contains("Caused by")
						|| line.contains("FATAL") || line.contains("lock file"))
				.toList();
		List<String> shown = telling.isEmpty() ? lines : telling;
		return String.join("\n", shown.subList(Math.max(0, shown.size() - 15), shown.size()));
	}

	static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A steward (the seeded {@code admin}) creates or renames a region. */
	HttpResponse<String> putRegion(String id, String name) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri("/api/regions/" + id))
				.header("Authorization", basic()).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
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
