package coop.commonscloud.infrastructure.internal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Finds the run of consecutive calendar days with the least renewable generation. Only complete
 * days count (a day with a gap in its readings would look darker than it was), and a run must not
 * skip a day.
 */
public final class WorstDays {

	/** One day of generation; {@code complete} when its readings cover (nearly) all of it. */
	public record Day(LocalDate day, double generationWh, boolean complete) {
	}

	/** The worst run found. */
	public record Run(LocalDate from, LocalDate to, double generationWh) {
	}

	private WorstDays() {
	}

	/** @param days in any order, at most one entry per day */
	public static Optional<Run> find(List<Day> days, int length) {
		if (length < 1) {
			throw new IllegalArgumentException("a run is at least one day long");
		}
		List<Day> sorted = days.stream().filter(Day::complete).sorted(java.util.Comparator.comparing(Day::day)).toList();
		Run worst = null;
		for (int start = 0; start + length <= sorted.size(); start++) {
			Day first = sorted.get(start);
			Day last = sorted.get(start + length - 1);
			if (!last.day().equals(first.day().plusDays(length - 1L))) {
				continue; // a missing or incomplete day breaks the run
			}
			double sum = 0;
			for (int i = start; i < start + length; i++) {
				sum += sorted.get(i).generationWh();
			}
			if (worst == null || sum < worst.generationWh()) {
				worst = new Run(first.day(), last.day(), sum);
			}
		}
		return Optional.ofNullable(worst);
	}
}
