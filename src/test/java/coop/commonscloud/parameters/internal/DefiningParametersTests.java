package coop.commonscloud.parameters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database whose migrations inserted no parameters (a region set up after those inserts leave the
 * migrations) gets from the modules' seeds exactly the definitions and first values that the old
 * migrations wrote: the seeds define them into empty copies of the two tables, in a schema of their
 * own, and both schemas then hold the same rows.
 */
@SpringBootTest
class DefiningParametersTests {

	private static final String SCHEMA = "seeded_from_code";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<ParameterDefinitions> modules;

	@Test
	void the_seeds_define_on_an_empty_database_what_the_old_migrations_inserted() throws Exception {
		List<ParameterSeed> seeds = modules.stream().flatMap(module -> module.seeds().stream()).toList();
		List<String> keys = seeds.stream().map(seed -> seed.key().name()).toList();
		try (Connection connection = dataSource.getConnection()) {
			JdbcClient fresh = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			fresh.sql("create schema " + SCHEMA).update();
			try {
				fresh.sql("create table " + SCHEMA + ".platform_parameter_definition (like public.platform_parameter_definition including all)").update();
				fresh.sql("create table " + SCHEMA + ".platform_parameter (like public.platform_parameter including all)").update();
				fresh.sql("set search_path to " + SCHEMA).update();

				List<ParameterKey> added = new JdbcPlatformParameters(new ParameterStore(fresh), event -> {
				}, Clock.systemUTC()).define(seeds);

				assertThat(added).extracting(ParameterKey::name).containsExactlyElementsOf(keys);
				assertThat(definitions(fresh, SCHEMA, keys)).isEqualTo(definitions(fresh, "public", keys));
				assertThat(firstValues(fresh, SCHEMA, keys)).isEqualTo(firstValues(fresh, "public", keys));
			} finally {
				fresh.sql("set search_path to default").update();
				fresh.sql("drop schema " + SCHEMA + " cascade").update();
			}
		}
	}

	private static List<String> definitions(JdbcClient jdbc, String schema, List<String> keys) {
		return jdbc.sql("select concat_ws(' | ', key, unit, description, minimum::text, maximum::text) from " + schema
				+ ".platform_parameter_definition where key in (:keys) order by key").param("keys", keys).query(String.class).list();
	}

	/** The seeded value of each parameter: values set later, also by other tests, are not the seed's. */
	private static List<String> firstValues(JdbcClient jdbc, String schema, List<String> keys) {
		return jdbc.sql("select concat_ws(' | ', key, value::text, effective_from::text, recorded_by, reason, decision) from "
				+ schema + ".platform_parameter where key in (:keys) and recorded_by = 'seed' order by key, id")
				.param("keys", keys).query(String.class).list();
	}
}
