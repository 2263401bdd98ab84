package coop.commonscloud.platform.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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
 * The value {@code temporary} gives a fresh, throw-away directory. The datasource signs in as the application's
 * own role, which owns its tables and is no superuser (see {@link EmbeddedDatabaseRoles}).
 *
 * <p>Each application context takes a lease on the server as its first disposable bean, so the
 * lease is released last, after the connection pool has closed; the server stops with the last
 * lease.
 *
 * <p>{@code commonscloud.database.embedded.server.*} passes settings to the server, named as in
 * {@code postgresql.conf} with dashes for underscores: {@code ...server.shared-buffers=16MB} sets
 * {@code shared_buffers}. The {@code site} profile sizes them for a small machine.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIR = "commonscloud.database.embedded.data-dir";
	static final String SYNCHRONOUS_COMMIT = "commonscloud.database.embedded.synchronous-commit";
	static final String SERVER_SETTINGS = "commonscloud.database.embedded.server";
	private static final Map<String, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

	@Override
	public int getOrder() {
		// after application.properties and profiles are read, so their settings count
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		String dataDir = environment.getProperty(DATA_DIR, "./data/postgres");
		// data kept in a directory is the platform's own: every commit reaches the disk before it is
		// acknowledged; a throw-away database (tests) may skip the flush
		String synchronousCommit = environment.getProperty(SYNCHRONOUS_COMMIT, "temporary".equals(dataDir) ? "off" : "on");
		EmbeddedPostgresServer server = RUNNING.compute(dataDir, (dir, running) -> running != null && running.isRunning()
				? running : EmbeddedPostgresServer.start(dir, synchronousCommit, serverSettings(environment)));
		server.acquire();
		application.addInitializers(context -> {
			if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean("embeddedPostgresLease", (DisposableBean) server::release);
			}
		});
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
				"spring.datasource.url", server.jdbcUrl(),
				"spring.datasource.username", server.username(),
				"spring.datasource.password", server.password())));
	}

	/** Property keys are bound relaxed (dashes); PostgreSQL's own names have underscores. */
	static Map<String, String> serverSettings(ConfigurableEnvironment environment) {
		Map<String, String> settings = new TreeMap<>();
		Binder.get(environment).bind(SERVER_SETTINGS, Bindable.mapOf(String.class, String.class)).orElse(Map.of())
				.forEach((name, value) -> settings.put(name.replace('-', '_'), value));
		return settings;
	}
}
