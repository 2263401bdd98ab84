package coop.commonscloud.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A site sizes its embedded PostgreSQL through properties: they reach the server, and win over the defaults. */
class EmbeddedPostgresSettingsTests {

	@Test
	void server_settings_are_read_from_properties_with_postgresql_names() {
		MockEnvironment environment = new MockEnvironment()
				.withProperty("commonscloud.database.embedded.server.shared-buffers", "16MB")
				.withProperty("commonscloud.database.embedded.server.max-connections", "30");

		assertThat(EmbeddedPostgresEnvironment.serverSettings(environment))
				.containsExactlyInAnyOrderEntriesOf(Map.of("shared_buffers", "16MB", "max_connections", "30"));
	}

	@Test
	void no_properties_leave_the_defaults() {
		assertThat(EmbeddedPostgresEnvironment.serverSettings(new MockEnvironment())).isEmpty();
	}

	@Test
	void the_server_runs_with_the_settings_given_over_its_defaults() throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start("temporary", "off",
				Map.of("shared_buffers", "16MB", "work_mem", "2MB", "max_connections", "30"));
		server.acquire();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
			assertThat(setting(connection, "shared_buffers")).isEqualTo("16MB");
			assertThat(setting(connection, "work_mem")).isEqualTo("2MB");
			// the built-in default is 200
			assertThat(setting(connection, "max_connections")).isEqualTo("30");
		} finally {
			server.release();
		}
	}

	private static String setting(Connection connection, String name) throws Exception {
		try (ResultSet rs = connection.createStatement().executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
