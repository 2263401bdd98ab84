package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.commonscloud.infrastructure.InfrastructureParameters;
import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.parameters.ParameterValue;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.qualification.QualificationParameters;
import coop.commonscloud.region.RegionParameters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
class PlatformParametersTests {

	/** A fixed instant after the seed, so that changes other tests make "now" cannot disturb these checks. */
	static final Instant AFTER_SEED = Instant.parse("2026-01-01T00:00:00Z");

	@Autowired
	PlatformParameters parameters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_seeded_values_are_those_of_the_regions_proposal() {
		assertThat(parameters.valueAt(RegionParameters.LOCALITY_ALLOWANCE, AFTER_SEED)).isEqualTo(value("1000", "m"));
		assertThat(parameters.valueAt(QualificationParameters.MINIMUM_RENEWABLE_SHARE, AFTER_SEED)).isEqualTo(value("80", "%"));
		assertThat(parameters.valueAt(InfrastructureParameters.OUTAGE_ENDURANCE, AFTER_SEED)).isEqualTo(value("72", "h"));
		assertThat(parameters.valueAt(QualificationParameters.LAND_BACK_CONTRIBUTION, AFTER_SEED)).isEqualTo(value("10", "%"));
		assertThat(parameters.valueAt(QualificationParameters.INVESTOR_RETURNS, AFTER_SEED)).isEqualTo(value("0", "AUD"));
		assertThat(parameters.valueAt(QualificationParameters.LABOUR_PAY_CAP, AFTER_SEED)).isEqualTo(value("63024", "AUD"));
	}

	@Test
	void a_later_change_is_seen_only_from_its_effective_date_on_with_who_and_why_recorded() {
		// far in the future, so no other test that reads the values in force now is affected
		Instant effective = Instant.parse("2100-07-01T00:00:00Z");
		ParameterEntry entry = parameters.set(new ParameterChange(QualificationParameters.LABOUR_PAY_CAP,
				new BigDecimal("70500.00"), effective, "test-steward", "The award rate rose on 1 July", null));

		assertThat(parameters.valueAt(QualificationParameters.LABOUR_PAY_CAP, effective.minusSeconds(1)))
				.isEqualTo(value("63024", "AUD"));
		assertThat(parameters.valueAt(QualificationParameters.LABOUR_PAY_CAP, effective)).isEqualTo(value("70500", "AUD"));
		assertThat(parameters.valueAt(QualificationParameters.LABOUR_PAY_CAP, effective.plusSeconds(86_400 * 365)))
				.isEqualTo(value("70500", "AUD"));
		assertThat(parameters.history(QualificationParameters.LABOUR_PAY_CAP))
				.filteredOn(e -> e.id() == entry.id())
				.singleElement()
				.satisfies(e -> {
					assertThat(e.recordedBy()).isEqualTo("test-steward");
					assertThat(e.reason()).isEqualTo("The award rate rose on 1 July");
					assertThat(e.effectiveFrom()).isEqualTo(effective);
					assertThat(e.recordedAt()).isNotNull();
				});
	}

	@Test
	void the_database_refuses_to_update_a_parameters_history() {
		assertThatThrownBy(() -> jdbc.sql("update platform_parameter set value = 2000 where key = 'locality.allowance'")
				.update())
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("append-only");
		assertThat(parameters.valueAt(RegionParameters.LOCALITY_ALLOWANCE, AFTER_SEED)).isEqualTo(value("1000", "m"));
	}

	@Test
	void the_database_refuses_to_delete_from_a_parameters_history() {
		assertThatThrownBy(() -> jdbc.sql("delete from platform_parameter where key = 'locality.allowance'").update())
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("append-only");
		assertThat(parameters.valueAt(RegionParameters.LOCALITY_ALLOWANCE, AFTER_SEED)).isEqualTo(value("1000", "m"));
	}

	@Test
	@Transactional // rolled back: the definition stays this test's own
	void a_seed_defines_a_missing_parameter_once_with_its_first_value_in_force_from_the_epoch() {
		ParameterSeed seed = ParameterSeed.of(new ParameterKey("test.defined-at-start"), "days", "0", "10",
				"A parameter only this test defines", "3", "This test's seed");

		assertThat(parameters.define(List.of(seed))).containsExactly(seed.key());
		assertThat(parameters.define(List.of(seed))).as("defining it again").isEmpty();

		assertThat(parameters.definitions()).contains(seed.definition());
		assertThat(parameters.history(seed.key())).singleElement().satisfies(e -> {
			assertThat(e.value()).isEqualTo(value("3", "days"));
			assertThat(e.effectiveFrom()).isEqualTo(Instant.EPOCH);
			assertThat(e.recordedBy()).isEqualTo("seed");
			assertThat(e.reason()).isEqualTo("This test's seed");
		});
	}

	@Test
	void a_parameter_already_defined_keeps_its_definition_and_history() {
		ParameterDefinition stored = parameters.definitions().stream()
				.filter(d -> d.key().equals(RegionParameters.LOCALITY_ALLOWANCE)).findFirst().orElseThrow();
		int entries = parameters.history(RegionParameters.LOCALITY_ALLOWANCE).size();
		ParameterSeed other = new ParameterSeed(new ParameterDefinition(stored.key(), "km", "Another description",
				BigDecimal.ZERO, BigDecimal.TEN), BigDecimal.ONE, "Another seed");

		assertThat(parameters.define(List.of(other))).isEmpty();

		assertThat(parameters.definitions()).contains(stored);
		assertThat(parameters.history(RegionParameters.LOCALITY_ALLOWANCE)).hasSize(entries);
	}

	@Test
	void a_parameter_is_defined_by_one_module_only() {
		ParameterSeed seed = ParameterSeed.of(new ParameterKey("test.twice"), "days", "0", null, "Defined twice", "1", "Seed");

		assertThatThrownBy(() -> parameters.define(List.of(seed, seed))).hasMessageContaining("test.twice")
				.hasMessageContaining("defined twice");
	}

	private static ParameterValue value(String amount, String unit) {
		return new ParameterValue(new BigDecimal(amount), unit);
	}
}
