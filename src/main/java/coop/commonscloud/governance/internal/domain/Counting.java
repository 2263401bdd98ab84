package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a poll. Quorum comes first and is the weight of ballots actually cast (abstentions and
 * blank ballots included), never a share of those invited.
 *
 * <p>Ties are broken one way everywhere: among options tied for first place, the option listed
 * earliest on the poll wins (the order is published when the poll opens, before anyone votes).
 * A yes/no poll whose for and against weights are equal keeps the status quo: it is rejected.
 * Instant-runoff breaks ties for last place as described in {@link InstantRunoff}.
 */
public final class Counting {

	private Counting() {
	}

	public static Count count(PollRules rules, List<Cast> casts) {
		for (Cast cast : casts) {
			List<String> problems = rules.problemsWith(cast.content());
			if (!problems.isEmpty()) {
				throw new IllegalArgumentException("invalid ballot " + cast.content() + ": " + problems);
			}
		}
		BigDecimal cast = Weights.sum(casts);
		if (cast.compareTo(rules.quorum()) < 0) {
			return Count.of(Outcome.NO_QUORUM, -1, "Ballots of weight " + Weights.show(cast) + " were cast; the quorum is "
					+ Weights.show(rules.quorum()), casts, rules.method().ranked() ? Map.of() : totals(rules, casts), Map.of());
		}
		return switch (rules.method()) {
			case CONSENT -> YesOrNo.consent(rules, casts);
			case MAJORITY, SUPERMAJORITY -> YesOrNo.majority(rules, casts);
			case SCORE, DOT -> pointsTotal(rules, casts);
			case INSTANT_RUNOFF -> InstantRunoff.count(rules, casts);
			case SCHULZE -> Schulze.count(rules, casts);
		};
	}

	/** Per option, the weighted sum of the choices (yes/no polls) or of the points (score and dot polls). */
	static Map<String, BigDecimal> totals(PollRules rules, List<Cast> casts) {
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		rules.options().forEach(o -> totals.put(o, BigDecimal.ZERO));
		for (Cast cast : casts) {
			if (cast.content() instanceof BallotContent.Choice c) {
				totals.merge(rules.options().get(c.option()), cast.weight(), BigDecimal::add);
			} else if (cast.content() instanceof BallotContent.Points p) {
				for (int i = 0; i < p.perOption().size(); i++) {
					totals.merge(rules.options().get(i), cast.weight().multiply(BigDecimal.valueOf(p.perOption().get(i))),
							BigDecimal::add);
				}
			}
		}
		return totals;
	}

	private static Count pointsTotal(PollRules rules, List<Cast> casts) {
		Map<String, BigDecimal> totals = totals(rules, casts);
		int best = -1;
		BigDecimal bestTotal = BigDecimal.ZERO;
		for (int i = 0; i < rules.options().size(); i++) {
			BigDecimal total = totals.get(rules.options().get(i));
			if (total.compareTo(bestTotal) > 0) { // strictly greater: the earliest listed keeps a tie
				best = i;
				bestTotal = total;
			}
		}
		if (best < 0) {
			return Count.of(Outcome.NO_CHOICE, -1, "No option received any points", casts, totals, Map.of());
		}
		BigDecimal winning = bestTotal;
		long tied = totals.values().stream().filter(t -> t.compareTo(winning) == 0).count();
		String explanation = "'" + rules.options().get(best) + "' has the most points (" + Weights.show(bestTotal) + ")"
				+ (tied > 1 ? "; tied with " + (tied - 1) + " other option(s), it wins as the one listed earliest" : "");
		return Count.of(Outcome.CHOSEN, best, explanation, casts, totals, Map.of());
	}
}
