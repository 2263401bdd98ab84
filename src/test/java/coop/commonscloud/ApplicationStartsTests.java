package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationStartsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_platform_starts_on_embedded_postgresql_with_every_migration_applied() {
		String version = jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL");
		Long failed = jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single();
		assertThat(failed).isZero();
	}

	@Test
	void the_platform_reaches_its_embedded_postgresql_over_the_unix_domain_socket() {
		// a connection through a Unix-domain socket has no client address; one over TCP on loopback has 127.0.0.1 or ::1
		Boolean overSocket = jdbc.sql("select inet_client_addr() is null").query(Boolean.class).single();
		assertThat(overSocket).isTrue();
	}

	@Test
	void the_bootstrap_steward_exists() {
		String role = jdbc.sql("select role from account where username = 'admin'").query(String.class).single();
		assertThat(role).isEqualTo("STEWARD");
	}
}
