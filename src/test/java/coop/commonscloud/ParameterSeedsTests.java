package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.parameters.ParameterDefinitions;
import coop.commonscloud.parameters.ParameterSeed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The modules define their parameters in code now; the migrations that first inserted them stay as
 * history (deployed databases hold their checksums). On a fresh database both must say the same, or
 * a new region would start from other rules than an old one: every seed equals the rows its
 * migration wrote, and every parameter the migrations wrote has a module that defines it.
 */
@SpringBootTest
class ParameterSeedsTests {

	/**
	 * Parameters that identity's migrations insert and that identity does not
	 * define in code yet. Remove a key here once identity lists it in its ParameterDefinitions.
	 */
	static final Set<String> NOT_YET_DEFINED_IN_CODE = Set.of("identity.argon2.memory", "identity.argon2.iterations",
			"identity.argon2.parallelism", "identity.sign-in.free-failures", "identity.sign-in.first-delay",
			"identity.sign-in.lockout-failures", "identity.sign-in.lockout", "identity.sign-in.source-lockout-failures",
			"identity.sign-up.mode");

	@Autowired
	List<ParameterDefinitions> modules;

	@Autowired
	JdbcClient jdbc;

	record DefinitionRow(String key, String unit, String description, BigDecimal minimum, BigDecimal maximum) {
	}

	record FirstValue(BigDecimal value, Instant effectiveFrom, String recordedBy, String reason) {
	}

	@Test
	void every_seed_a_module_defines_equals_the_rows_its_migration_wrote() {
		List<ParameterSeed> seeds = seeds();
		assertThat(seeds).hasSizeGreaterThanOrEqualTo(16);
		SoftAssertions softly = new SoftAssertions();
		for (ParameterSeed seed : seeds) {
			String key = seed.key().name();
			DefinitionRow row = jdbc.sql("select * from platform_parameter_definition where key = :key").param("key", key)
					.query((rs, n) -> new DefinitionRow(rs.getString("key"), rs.getString("unit"), rs.getString("description"),
							rs.getBigDecimal("minimum"), rs.getBigDecimal("maximum")))
					.single();
			softly.assertThat(row.unit()).as(key + " unit").isEqualTo(seed.definition().unit());
			softly.assertThat(row.description()).as(key + " description").isEqualTo(seed.definition().description());
			softly.assertThat(sameNumber(row.minimum(), seed.definition().minimum())).as(key + " minimum " + row.minimum()
					+ " in the database, " + seed.definition().minimum() + " in the code").isTrue();
			softly.assertThat(sameNumber(row.maximum(), seed.definition().maximum())).as(key + " maximum " + row.maximum()
					+ " in the database, " + seed.definition().maximum() + " in the code").isTrue();

			FirstValue first = jdbc.sql("""
					select value, effective_from, recorded_by, reason from platform_parameter where key = :key
					order by effective_from, id limit 1""").param("key", key)
					.query((rs, n) -> new FirstValue(rs.getBigDecimal("value"), rs.getTimestamp("effective_from").toInstant(),
							rs.getString("recorded_by"), rs.getString("reason")))
					.single();
			softly.assertThat(first.value()).as(key + " first value").isEqualByComparingTo(seed.value());
			softly.assertThat(first.effectiveFrom()).as(key + " first value's effective date").isEqualTo(ParameterSeed.EFFECTIVE_FROM);
			softly.assertThat(first.recordedBy()).as(key + " first value recorded by").isEqualTo(ParameterSeed.RECORDED_BY);
			softly.assertThat(first.reason()).as(key + " first value's reason").isEqualTo(seed.reason());
		}
		softly.assertAll();
	}

	@Test
	void every_parameter_in_the_database_is_defined_by_one_module() {
		List<String> defined = seeds().stream().map(seed -> seed.key().name()).toList();
		List<String> stored = jdbc.sql("select key from platform_parameter_definition order by key").query(String.class).list();

		assertThat(defined).doesNotHaveDuplicates();
		assertThat(stored).filteredOn(key -> !NOT_YET_DEFINED_IN_CODE.contains(key))
				.containsExactlyInAnyOrderElementsOf(defined);
		assertThat(stored).as("keys still listed as not yet defined in code").containsAll(NOT_YET_DEFINED_IN_CODE);
		assertThat(defined).as("keys both defined in code and listed as not yet").doesNotContainAnyElementsOf(NOT_YET_DEFINED_IN_CODE);
	}

	private List<ParameterSeed> seeds() {
		return modules.stream().flatMap(module -> module.seeds().stream()).toList();
	}

	private static boolean sameNumber(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
