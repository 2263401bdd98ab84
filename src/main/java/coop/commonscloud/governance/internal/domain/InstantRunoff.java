package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Instant-runoff: each round counts every ballot for its most preferred continuing option; an
 * option with more than half of the continuing weight wins, otherwise the option with the least
 * is eliminated. Ballots that rank no continuing option are exhausted.
 *
 * <p>A tie for last place is broken by looking back: the tied option with the least weight in
 * the latest earlier round where they differed is eliminated; if they never differed, the one
 * listed latest on the poll is eliminated (so the earliest listed survives, as everywhere).
 */
final class InstantRunoff {

	private InstantRunoff() {
	}

	static Count count(PollRules rules, List<Cast> casts) {
		List<String> options = rules.options();
		TreeSet<Integer> continuing = new TreeSet<>();
		for (int i = 0; i < options.size(); i++) {
			continuing.add(i);
		}
		List<BigDecimal[]> history = new ArrayList<>();
		List<Map<String, BigDecimal>> rounds = new ArrayList<>();
		List<String> eliminated = new ArrayList<>();
		while (true) {
			BigDecimal[] tally = tally(casts, continuing, options.size());
			history.add(tally);
			Map<String, BigDecimal> round = new LinkedHashMap<>();
			continuing.forEach(i -> round.put(options.get(i), tally[i]));
			rounds.add(round);
			BigDecimal active = continuing.stream().map(i -> tally[i]).reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, Object> workings = Map.of("rounds", rounds, "eliminated", eliminated);
			if (active.signum() == 0) {
				return Count.of(Outcome.NO_CHOICE, -1, "Every ballot is exhausted", casts, rounds.get(0), workings);
			}
			for (int i : continuing) {
				if (tally[i].add(tally[i]).compareTo(active) > 0) {
					return Count.of(Outcome.CHOSEN, i, "'" + options.get(i) + "' has more than half of the continuing weight ("
							+ Weights.show(tally[i]) + " of " + Weights.show(active) + ") in round " + rounds.size(),
							casts, rounds.get(0), workings);
				}
			}
			int loser = last(continuing, history);
			continuing.remove(loser);
			eliminated.add(options.get(loser));
		}
	}

	private static BigDecimal[] tally(List<Cast> casts, TreeSet<Integer> continuing, int n) {
		BigDecimal[] tally = new BigDecimal[n];
		java.util.Arrays.fill(tally, BigDecimal.ZERO);
		for (Cast cast : casts) {
			((BallotContent.Ranking) cast.content()).order().stream().filter(continuing::contains).findFirst()
					.ifPresent(top -> tally[top] = tally[top].add(cast.weight()));
		}
		return tally;
	}

	private static int last(TreeSet<Integer> continuing, List<BigDecimal[]> history) {
		List<Integer> tied = new ArrayList<>(continuing);
		for (int round = history.size() - 1; round >= 0 && tied.size() > 1; round--) {
			BigDecimal[] tally = history.get(round);
			BigDecimal least = tied.stream().map(i -> tally[i]).min(BigDecimal::compareTo).orElseThrow();
			tied.removeIf(i -> tally[i].compareTo(least) != 0);
		}
		return tied.get(tied.size() - 1);
	}
}
