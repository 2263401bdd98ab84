package coop.commonscloud.infrastructure.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outage simulations on constructed profiles whose answer is worked out by hand. */
class OutageSimulationTests {

	static double[] dark(int hours) {
		return new double[hours];
	}

	/** Three days: 12 dark hours, 8 sunny hours of {@code sunWh} each, 4 dark hours. */
	static double[] threeDays(double sunWh) {
		double[] hours = new double[72];
		for (int day = 0; day < 3; day++) {
			Arrays.fill(hours, day * 24 + 12, day * 24 + 20, sunWh);
		}
		return hours;
	}

	@Test
	void a_battery_exactly_enough_for_72_dark_hours_passes_with_nothing_left() {
		// 10 W for 72 h is 720 Wh
		OutageSimulation.Result result = OutageSimulation.simulate(720, 10, dark(72));
		assertThat(result.passes()).isTrue();
		assertThat(result.lowestStateOfChargeWh()).isZero();
		assertThat(result.ranOutAfter()).isNull();
		assertThat(result.shortfallWh()).isZero();
	}

	@Test
	void a_battery_one_watt_hour_short_fails_six_minutes_before_the_end() {
		OutageSimulation.Result result = OutageSimulation.simulate(719, 10, dark(72));
		assertThat(result.passes()).isFalse();
		assertThat(result.lowestStateOfChargeWh()).isZero();
		// after 71 h 9 Wh are left, which lasts 0.9 h at 10 W
		assertThat(result.ranOutAfter()).isEqualTo(Duration.ofHours(71).plusMinutes(54));
		assertThat(result.shortfallWh()).isEqualTo(1.0);
	}

	@Test
	void sunny_hours_recharge_the_battery_between_nights() {
		// each day: 12 h at -10 (−120), 8 h at +15 (+120), 4 h at −10 (−40); from 500 Wh:
		// 380, 500, 460 | 340, 460, 420 | 300, 420, 380 -> lowest 300 Wh, at hour 60
		OutageSimulation.Result result = OutageSimulation.simulate(500, 10, threeDays(25));
		assertThat(result.passes()).isTrue();
		assertThat(result.lowestStateOfChargeWh()).isEqualTo(300.0);
	}

	@Test
	void a_full_battery_cannot_store_the_surplus() {
		// 8 h at +30 would add 240 Wh but the 400 Wh battery fills up:
		// 280, 400 (full), 360 | 240, 400, 360 | 240, 400, 360 -> lowest 240 Wh
		OutageSimulation.Result result = OutageSimulation.simulate(400, 10, threeDays(40));
		assertThat(result.passes()).isTrue();
		assertThat(result.lowestStateOfChargeWh()).isEqualTo(240.0);
	}

	@Test
	void an_empty_battery_fails_at_once_without_generation() {
		OutageSimulation.Result result = OutageSimulation.simulate(0, 5, dark(72));
		assertThat(result.passes()).isFalse();
		assertThat(result.ranOutAfter()).isEqualTo(Duration.ZERO);
		assertThat(result.shortfallWh()).isEqualTo(360.0);
	}

	@Test
	void the_worst_run_is_the_darkest_three_consecutive_complete_days() {
		LocalDate d = LocalDate.parse("2026-06-01");
		List<WorstDays.Day> days = List.of(
				new WorstDays.Day(d, 500, true),
				new WorstDays.Day(d.plusDays(1), 100, true),
				new WorstDays.Day(d.plusDays(2), 100, true),
				new WorstDays.Day(d.plusDays(3), 400, true),
				new WorstDays.Day(d.plusDays(4), 0, false), // a day with gaps looks dark but does not count
				new WorstDays.Day(d.plusDays(5), 50, true),
				new WorstDays.Day(d.plusDays(6), 50, true),
				new WorstDays.Day(d.plusDays(8), 10, true), // day 7 is missing: 6-8 is no run
				new WorstDays.Day(d.plusDays(9), 10, true));
		assertThat(WorstDays.find(days, 3)).contains(new WorstDays.Run(d.plusDays(1), d.plusDays(3), 600));
		assertThat(WorstDays.find(days, 2)).contains(new WorstDays.Run(d.plusDays(8), d.plusDays(9), 20));
		assertThat(WorstDays.find(days.subList(0, 2), 3)).isEmpty();
	}
}
