package coop.commonscloud.billing;

import java.time.YearMonth;
import java.util.function.Consumer;

/** What the billing module tells settlement. */
public interface Payments {

	/**
	 * Streams, for every person with payments or refunds dated in the period (by the date received
	 * or refunded), their net total, ordered by person id. Aggregated in the database, so it stays
	 * cheap for 100,000 people.
	 */
	void forEachPersonTotal(YearMonth period, Consumer<PersonPayments> sink);
}
