package coop.commonscloud.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept data directory survives an OS crash: fsync is on there, and off only for throw-away test databases. */
class EmbeddedPostgresDurabilityTests {

	@Test
	void a_kept_data_directory_runs_with_fsync_on(@TempDir Path data) throws Exception {
		assertThat(setting(data.resolve("postgres").toString(), "fsync")).isEqualTo("on");
	}

	@Test
	void a_temporary_database_runs_with_fsync_off() throws Exception {
		assertThat(setting("temporary", "fsync")).isEqualTo("off");
	}

	private static String setting(String dataDir, String name) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, "on");
		server.acquire();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
				ResultSet rs = connection.createStatement().executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		} finally {
			server.release();
		}
	}
}
