package coop.commonscloud.infrastructure.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Laws of the outage simulation that hold for any generation profile. */
class OutageSimulationPropertyTests {

	@Property
	void a_bigger_battery_never_does_worse(@ForAll @DoubleRange(min = 0, max = 5000) double capacity, @ForAll @DoubleRange(min = 0, max = 2000) double more,
			@ForAll @DoubleRange(min = 0, max = 200) double draw, @ForAll @IntRange(min = 0, max = 1000) int seed) {
		double[] generation = profile(seed);
		OutageSimulation.Result small = OutageSimulation.simulate(capacity, draw, generation);
		OutageSimulation.Result big = OutageSimulation.simulate(capacity + more, draw, generation);
		assertThat(big.shortfallWh()).isLessThanOrEqualTo(small.shortfallWh() + 1e-6);
		if (small.passes()) {
			assertThat(big.passes()).isTrue();
		}
	}

	@Property
	void the_charge_stays_between_empty_and_full_and_energy_balances(
			@ForAll @DoubleRange(min = 0, max = 5000) double capacity, @ForAll @DoubleRange(min = 0, max = 200) double draw,
			@ForAll @IntRange(min = 0, max = 1000) int seed) {
		double[] generation = profile(seed);
		OutageSimulation.Result result = OutageSimulation.simulate(capacity, draw, generation);
		assertThat(result.lowestStateOfChargeWh()).isBetween(0.0, capacity);
		assertThat(result.passes()).isEqualTo(result.shortfallWh() == 0);
		// without generation, passing means the battery held the whole draw
		OutageSimulation.Result dark = OutageSimulation.simulate(capacity, draw, new double[72]);
		assertThat(dark.passes()).isEqualTo(capacity + 1e-9 >= draw * 72);
	}

	/** A deterministic, varied three-day generation profile. */
	static double[] profile(int seed) {
		java.util.Random random = new java.util.Random(seed);
		double[] hours = new double[72];
		for (int h = 0; h < 72; h++) {
			int hourOfDay = h % 24;
			hours[h] = hourOfDay < 7 || hourOfDay > 18 ? 0 : random.nextDouble() * 300;
		}
		return hours;
	}
}
