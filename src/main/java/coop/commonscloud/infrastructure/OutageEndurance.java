package coop.commonscloud.infrastructure;

import coop.commonscloud.region.SiteId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether a site keeps its LoRes-level functions up without the grid for the endurance parameter,
 * simulated from its battery capacity, the low-power draw of the servers that stay on, and the
 * worst run of consecutive days of renewable generation in its telemetry history. The battery
 * starts full; {@code ranOutAfter} is null when it never ran out; {@code shortfallWh} is the
 * energy the servers needed and did not get.
 */
public record OutageEndurance(SiteId site, Outcome outcome, Duration endurance, double batteryCapacityWh,
		double lowPowerDrawW, List<ServerId> serversKeptUp, LocalDate worstPeriodFrom, LocalDate worstPeriodTo,
		double worstPeriodGenerationWh, double lowestStateOfChargeWh, Duration ranOutAfter, double shortfallWh,
		String explanation) {

	public enum Outcome {
		/** The battery and the worst days' generation carry the servers through. */
		PASSES,
		/** The battery runs out before the endurance is over. */
		FAILS,
		/** There are not yet enough complete days of telemetry to find the worst run of days. */
		NOT_ENOUGH_TELEMETRY
	}

	public OutageEndurance {
		serversKeptUp = List.copyOf(serversKeptUp);
	}

	public boolean passes() {
		return outcome == Outcome.PASSES;
	}
}
