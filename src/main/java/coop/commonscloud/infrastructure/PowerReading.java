package coop.commonscloud.infrastructure;

import coop.commonscloud.platform.InvalidInput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One power reading of a server or site at an instant (kept to the second): what it consumed, how
 * much renewable supply it had, what it imported from the grid (watts) and the battery's state of
 * charge (watt-hours, absent when there is no battery).
 */
public record PowerReading(Instant at, double consumptionW, double renewableW, double gridImportW, Double batteryWh) {

	/** No single server or site meter in a community region draws 10 MW; anything above is a unit mistake. */
	public static final double MAX_WATTS = 10_000_000;

	public PowerReading {
		List<String> problems = new ArrayList<>();
		if (at == null) {
			problems.add("A reading needs its time ('at', such as 2026-11-21T05:00:00Z)");
		}
		check(problems, "consumptionW", consumptionW);
		check(problems, "renewableW", renewableW);
		check(problems, "gridImportW", gridImportW);
		if (batteryWh != null) {
			check(problems, "batteryWh", batteryWh);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		at = at.truncatedTo(ChronoUnit.SECONDS);
	}

	private static void check(List<String> problems, String name, double value) {
		if (!Double.isFinite(value) || value < 0 || value > MAX_WATTS) {
			problems.add(name + " must be a number from 0 to " + (long) MAX_WATTS + "; got " + value);
		}
	}
}
