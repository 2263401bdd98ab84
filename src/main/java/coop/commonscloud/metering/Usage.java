package coop.commonscloud.metering;

import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Consumer;

/** What the metering module tells settlement. */
public interface Usage {

	/**
	 * Streams the period's usage of every person who used anything, ordered by person id,
	 * aggregated in the database from the daily usage rows (about 10 million rows for a month of
	 * 100,000 people), so memory stays flat.
	 */
	void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink);

	/** Everything one person ever used, one entry per offering, ordered by offering id. */
	PersonUsage usedBy(UUID person);
}
