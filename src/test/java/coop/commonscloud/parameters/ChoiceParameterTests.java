package coop.commonscloud.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceParameterTests {

	enum Weighting {
		REPORTED_UNITS, ACTIVE_DAYS
	}

	/** Listed in the stored numbers' order, which need not be the enum's. */
	static final ChoiceParameter<Weighting> WEIGHTING = ChoiceParameter.of(new ParameterKey("test.usage-weighting"),
			Weighting.ACTIVE_DAYS, Weighting.REPORTED_UNITS);

	@Test
	void a_stored_number_reads_as_the_option_in_that_place() {
		assertThat(WEIGHTING.option(new BigDecimal("0"))).isEqualTo(Weighting.ACTIVE_DAYS);
		assertThat(WEIGHTING.option(new BigDecimal("1"))).isEqualTo(Weighting.REPORTED_UNITS);
		assertThat(WEIGHTING.option(new BigDecimal("1.00"))).isEqualTo(Weighting.REPORTED_UNITS);
	}

	@Test
	void an_option_is_stored_as_its_place() {
		assertThat(WEIGHTING.stored(Weighting.ACTIVE_DAYS)).isEqualByComparingTo("0");
		assertThat(WEIGHTING.stored(Weighting.REPORTED_UNITS)).isEqualByComparingTo("1");
		assertThat(WEIGHTING.legend()).isEqualTo("0 = ACTIVE_DAYS, 1 = REPORTED_UNITS");
	}

	@ParameterizedTest
	@ValueSource(strings = {"-1", "2", "0.5", "10"})
	void a_number_that_names_no_option_is_refused_naming_the_options(String stored) {
		assertThatThrownBy(() -> WEIGHTING.option(new BigDecimal(stored)))
				.hasMessageContaining("test.usage-weighting")
				.hasMessageContaining("0 = ACTIVE_DAYS, 1 = REPORTED_UNITS");
	}

	@Test
	void a_choice_has_two_or_more_different_options() {
		assertThatThrownBy(() -> ChoiceParameter.of(new ParameterKey("test.one"), Weighting.ACTIVE_DAYS))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ChoiceParameter.of(new ParameterKey("test.twice"), Weighting.ACTIVE_DAYS, Weighting.ACTIVE_DAYS))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
