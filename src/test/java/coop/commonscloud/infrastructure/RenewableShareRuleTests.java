package coop.commonscloud.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The share rule on energy totals, including the edge of the 80 % parameter. */
class RenewableShareRuleTests {

	@ParameterizedTest(name = "supply {0} Wh, consumption {1} Wh, grid {2} Wh -> {3} Wh, {4} %, reaches 80 %: {5}")
	@CsvSource({
			"1000, 1000,    0, 1000, 100.00, true",
			"5000, 1000,    0, 1000, 100.00, true",  // surplus supply counts only up to consumption
			"1000, 1000,  200,  800,  80.00, true",  // exactly the minimum
			"1000, 1000,  201,  799,  79.90, false", // just below it
			" 500, 1000,    0,  500,  50.00, false", // a draining battery is not credited beyond the supply
			"1000, 1000, 1500,    0,   0.00, false", // grid import charging the battery
			"   0,    0,    0,    0,       , false", // no data: no share, never reaching the minimum
	})
	void the_share_credits_consumption_not_from_the_grid_up_to_the_supply(double supply, double consumption,
			double grid, double renewable, BigDecimal percent, boolean reaches) {
		double credited = RenewableShare.creditedRenewableWh(supply, consumption, grid);
		assertThat(credited).isEqualTo(renewable);
		Optional<BigDecimal> share = RenewableShare.percent(credited, consumption);
		assertThat(share).isEqualTo(Optional.ofNullable(percent));
		RenewableShare result = new RenewableShare(null, LocalDate.MIN, LocalDate.MAX, 1, 0, null, null, consumption,
				credited, grid, supply, share, 0, null);
		assertThat(result.reaches(new BigDecimal("80"))).isEqualTo(reaches);
	}
}
