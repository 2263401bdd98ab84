package coop.commonscloud.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The platform signs in to its embedded PostgreSQL as a role that owns its tables but is no superuser, and the
 * server lets in no one else over TCP: not its superuser, not a made-up role, not the application role without
 * its password. A data directory made the old way (everything owned by the superuser, trust on loopback) is
 * brought to that state on start.
 */
class EmbeddedDatabaseRolesTests {

	@Test
	void the_application_role_is_no_superuser_and_owns_the_tables_it_creates(@TempDir Path data) throws Exception {
		EmbeddedPostgresServer server = started(data.resolve("postgres"));
		try (Connection connection = application(server)) {
			JdbcClient sql = sql(connection);
			assertThat(sql.sql("select current_user").query(String.class).single()).isEqualTo("commonscloud");
			assertThat(sql.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
					.isFalse();
			sql.sql("create table kept (id bigint generated always as identity primary key, note text)").update();
			assertThat(sql.sql("select tableowner from pg_tables where tablename = 'kept'").query(String.class).single())
					.isEqualTo("commonscloud");
			// what the mesh's replication needs of it, granted instead of superuser
			assertThat(sql.sql("select rolreplication from pg_roles where rolname = current_user").query(Boolean.class)
					.single()).isTrue();
			assertThat(sql.sql("select pg_has_role('pg_create_subscription', 'member')").query(Boolean.class).single()).isTrue();
			sql.sql("set session_replication_role = replica").update();
		} finally {
			server.release();
		}
	}

	@Test
	void over_tcp_the_server_refuses_its_superuser_a_made_up_role_and_a_wrong_password(@TempDir Path data) throws Exception {
		EmbeddedPostgresServer server = started(data.resolve("postgres"));
		try {
			String tcp = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
			assertThatThrownBy(() -> DriverManager.getConnection(tcp, "postgres", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(tcp, "intruder", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(tcp, "commonscloud", "not-the-password"))
					.isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
			try (Connection withPassword = DriverManager.getConnection(tcp, server.username(), server.password())) {
				assertThat(sql(withPassword).sql("select current_user").query(String.class).single()).isEqualTo("commonscloud");
			}
		} finally {
			server.release();
		}
	}

	@Test
	void the_password_is_kept_in_the_data_directory_for_its_owner_only(@TempDir Path data) throws Exception {
		Path dir = data.resolve("postgres");
		EmbeddedPostgresServer first = started(dir);
		String password = first.password();
		first.release();
		Path file = dir.resolve(EmbeddedDatabaseRoles.PASSWORD_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		EmbeddedPostgresServer second = started(dir);
		try (Connection connection = application(second)) {
			assertThat(second.password()).isEqualTo(password);
		} finally {
			second.release();
		}
	}

	@Test
	void a_data_directory_made_by_an_earlier_version_is_handed_to_the_application_role(@TempDir Path data) throws Exception {
		Path dir = data.resolve("postgres");
		// the old way: trust for everyone, and the superuser created everything
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
				Connection superuser = old.getPostgresDatabase().getConnection()) {
			JdbcClient sql = sql(superuser);
			sql.sql("create table ledger_entry (id bigserial primary key, amount numeric(19, 4) not null)").update();
			sql.sql("create table account (id bigint generated always as identity primary key)").update();
			sql.sql("create type entry_side as enum ('debit', 'credit')").update();
			sql.sql("create domain cents as bigint check (value >= 0)").update();
			sql.sql("create view entries as select id from ledger_entry").update();
			sql.sql("create function refuse() returns trigger language plpgsql as $$ begin return null; end $$").update();
			sql.sql("create publication region_data for table account").update();
			sql.sql("insert into ledger_entry (amount) values (12.5000)").update();
		}

		EmbeddedPostgresServer server = started(dir);
		try (Connection connection = application(server)) {
			JdbcClient sql = sql(connection);
			List<String> notOurs = sql.sql("""
					select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relowner <> 'commonscloud'::regrole
					union all select proname from pg_proc where pronamespace = 'public'::regnamespace and proowner <> 'commonscloud'::regrole
					union all select typname from pg_type where typnamespace = 'public'::regnamespace and typowner <> 'commonscloud'::regrole
					union all select pubname from pg_publication where pubowner <> 'commonscloud'::regrole
					union all select datname from pg_database where datname = current_database() and datdba <> 'commonscloud'::regrole
					union all select nspname from pg_namespace where nspname = 'public' and nspowner <> 'commonscloud'::regrole""")
					.query(String.class).list();
			assertThat(notOurs).isEmpty();
			sql.sql("insert into ledger_entry (amount) values (7.2500)").update();
			assertThat(sql.sql("select count(*) from ledger_entry").query(Long.class).single()).isEqualTo(2);
			sql.sql("alter publication region_data add table ledger_entry").update();
			// the old pg_hba.conf trusted everyone on loopback
			assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
					"postgres", "")).isInstanceOf(SQLException.class);
		} finally {
			server.release();
		}
	}

	private static EmbeddedPostgresServer started(Path dir) {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.toString(), "on");
		server.acquire();
		return server;
	}

	private static Connection application(EmbeddedPostgresServer server) throws SQLException {
		Properties credentials = new Properties();
		credentials.setProperty("user", server.username());
		credentials.setProperty("password", server.password());
		return DriverManager.getConnection(server.jdbcUrl(), credentials);
	}

	private static JdbcClient sql(Connection connection) {
		return JdbcClient.create(new SingleConnectionDataSource(connection, true));
	}
}
