package coop.commonscloud.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** With an external database configured, the embedded one and its role set-up stay out of it entirely. */
class EmbeddedPostgresEnvironmentTests {

	@Test
	void with_an_external_datasource_url_no_server_is_started_and_no_role_or_pg_hba_is_written(@TempDir Path dir) {
		Path dataDir = dir.resolve("postgres");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("operator", Map.of(
				"spring.datasource.url", "jdbc:postgresql://db.example:5432/commonscloud",
				"spring.datasource.username", "someone",
				"spring.datasource.password", "their-password",
				EmbeddedPostgresEnvironment.DATA_DIR, dataDir.toString())));
		int sources = environment.getPropertySources().size();

		new EmbeddedPostgresEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("someone");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("their-password");
		// no data directory, so no postmaster.pid looked at, no pg_hba.conf and no password file written
		assertThat(dataDir).doesNotExist();
	}
}
