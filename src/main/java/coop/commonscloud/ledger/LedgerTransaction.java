package coop.commonscloud.ledger;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A balanced set of postings on one date for one cause. Checked here so a caller learns early;
 * checked again by the database at commit, which is what guarantees it.
 */
public record LedgerTransaction(LocalDate date, Cause cause, String description, List<Posting> postings) {

	public LedgerTransaction {
		List<String> problems = new ArrayList<>();
		if (date == null) {
			problems.add("A transaction needs a date");
		}
		if (cause == null) {
			problems.add("A transaction needs its cause");
		}
		if (description == null || description.isBlank() || description.length() > 500) {
			problems.add("A transaction needs a description of 1 to 500 characters");
		}
		if (postings == null || postings.size() < 2) {
			problems.add("A transaction needs at least two postings");
		} else {
			Map<String, Long> sums = new TreeMap<>();
			for (Posting posting : postings) {
				sums.merge(posting.amount().currency().getCurrencyCode(), posting.amount().minorUnits(), Math::addExact);
			}
			sums.forEach((currency, sum) -> {
				if (sum != 0) {
					problems.add("The postings in " + currency + " sum to " + Money.of(sum, currency).amount().toPlainString()
							+ ", not zero: every debit needs its credit");
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		postings = List.copyOf(postings);
		description = description.strip();
	}

	/** The transaction that undoes this one, dated {@code on}, saying why. */
	public LedgerTransaction reversal(LocalDate on, long reversedId, String why) {
		String text = "Reversal of transaction " + reversedId + ": " + (why == null ? "" : why.strip());
		return new LedgerTransaction(on, new Cause(Cause.Kind.REVERSAL, "transaction " + reversedId),
				text.length() > 500 ? text.substring(0, 500) : text, postings.stream()
						.map(p -> new Posting(p.account(), p.amount().negated()))
						.toList());
	}

	public Currency currency() {
		return postings.get(0).amount().currency();
	}
}
