package coop.commonscloud.infrastructure.internal.domain;

import java.time.Duration;

/**
 * Simulates a grid outage hour by hour: the battery starts full, each hour it gains that hour's
 * renewable generation and loses the low-power draw of the servers kept up, and it never holds
 * more than its capacity. Within an hour, generation and draw are taken as even, so the moment
 * the battery runs out is interpolated. Plain arithmetic on watt-hours: no framework, no clock.
 */
public final class OutageSimulation {

	/** Rounding noise of double arithmetic that must not turn an exactly sufficient battery into a failure. */
	static final double TOLERANCE_WH = 1e-9;

	/** The outcome: {@code ranOutAfter} is null when the battery never ran out. */
	public record Result(boolean passes, double lowestStateOfChargeWh, Duration ranOutAfter, double shortfallWh) {
	}

	private OutageSimulation() {
	}

	/**
	 * @param capacityWh battery capacity, full at the start
	 * @param drawW the steady draw of the servers kept up
	 * @param hourlyGenerationWh renewable generation of each hour of the outage; its length is the endurance
	 */
	public static Result simulate(double capacityWh, double drawW, double[] hourlyGenerationWh) {
		if (capacityWh < 0 || drawW < 0) {
			throw new IllegalArgumentException("capacity and draw cannot be negative");
		}
		double charge = capacityWh;
		double lowest = capacityWh;
		double shortfall = 0;
		Duration ranOutAfter = null;
		for (int hour = 0; hour < hourlyGenerationWh.length; hour++) {
			double net = hourlyGenerationWh[hour] - drawW;
			double next = charge + net;
			if (next < -TOLERANCE_WH) {
				if (ranOutAfter == null) {
					double fraction = charge / -net;
					ranOutAfter = Duration.ofHours(hour).plusMillis(Math.round(fraction * 3_600_000));
				}
				shortfall += -next;
				next = 0;
			}
			charge = Math.min(capacityWh, Math.max(0, next));
			lowest = Math.min(lowest, charge);
		}
		return new Result(ranOutAfter == null, lowest, ranOutAfter, shortfall);
	}
}
