package coop.commonscloud.governance.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws every count obeys, whatever the ballots. */
class CountingLawsTests {

	static final List<String> OPTIONS = List.of("A", "B", "C", "D");

	@Property(tries = 200)
	void the_order_in_which_ballots_are_counted_never_changes_the_outcome(@ForAll("rankings") List<List<Integer>> ballots,
			@ForAll long seed) {
		for (Method method : List.of(Method.SCHULZE, Method.INSTANT_RUNOFF)) {
			PollRules rules = new PollRules(method, OPTIONS, null, null, 0);
			List<Cast> casts = casts(ballots, 1);
			List<Cast> shuffled = new ArrayList<>(casts);
			Collections.shuffle(shuffled, new Random(seed));
			Count count = Counting.count(rules, casts);
			Count again = Counting.count(rules, shuffled);
			assertThat(again.winner()).as(method.name()).isEqualTo(count.winner());
			assertThat(again.outcome()).isEqualTo(count.outcome());
		}
	}

	@Property(tries = 200)
	void doubling_every_weight_changes_no_winner(@ForAll("rankings") List<List<Integer>> ballots) {
		for (Method method : List.of(Method.SCHULZE, Method.INSTANT_RUNOFF)) {
			PollRules rules = new PollRules(method, OPTIONS, null, null, 0);
			assertThat(Counting.count(rules, casts(ballots, 2)).winner()).as(method.name())
					.isEqualTo(Counting.count(rules, casts(ballots, 1)).winner());
		}
	}

	@Property(tries = 300)
	void schulze_elects_the_option_that_beats_every_other_head_to_head_whenever_there_is_one(
			@ForAll("rankings") List<List<Integer>> ballots) {
		List<Cast> casts = casts(ballots, 1);
		int condorcet = condorcetWinner(ballots);
		if (condorcet >= 0) {
			assertThat(Counting.count(new PollRules(Method.SCHULZE, OPTIONS, null, null, 0), casts).winner()).isEqualTo(condorcet);
		}
	}

	@Property(tries = 200)
	void instant_runoff_elects_a_first_preference_majority_at_once(@ForAll("rankings") List<List<Integer>> ballots) {
		int[] first = new int[OPTIONS.size()];
		ballots.forEach(b -> first[b.get(0)]++);
		for (int i = 0; i < first.length; i++) {
			if (first[i] * 2 > ballots.size()) {
				Count count = Counting.count(new PollRules(Method.INSTANT_RUNOFF, OPTIONS, null, null, 0), casts(ballots, 1));
				assertThat(count.winner()).isEqualTo(i);
				assertThat(count.workings().get("eliminated")).isEqualTo(List.of());
			}
		}
	}

	@Provide
	Arbitrary<List<List<Integer>>> rankings() {
		Arbitrary<List<Integer>> ranking = Arbitraries.integers().between(0, OPTIONS.size() - 1).list().uniqueElements()
				.ofMinSize(1).ofMaxSize(OPTIONS.size());
		return ranking.list().ofMinSize(1).ofMaxSize(25);
	}

	private static List<Cast> casts(List<List<Integer>> ballots, int weight) {
		return ballots.stream().map(b -> new Cast(new BallotContent.Ranking(b), BigDecimal.valueOf(weight))).toList();
	}

	/** The option preferred to each other option by more ballots than prefer the other, or -1. */
	private static int condorcetWinner(List<List<Integer>> ballots) {
		for (int a = 0; a < OPTIONS.size(); a++) {
			boolean beatsAll = true;
			for (int b = 0; b < OPTIONS.size() && beatsAll; b++) {
				if (a != b) {
					int aOverB = 0;
					int bOverA = 0;
					for (List<Integer> ballot : ballots) {
						int ra = ballot.contains(a) ? ballot.indexOf(a) : Integer.MAX_VALUE;
						int rb = ballot.contains(b) ? ballot.indexOf(b) : Integer.MAX_VALUE;
						if (ra < rb) {
							aOverB++;
						} else if (rb < ra) {
							bOverA++;
						}
					}
					beatsAll = aOverB > bOverA;
				}
			}
			if (beatsAll) {
				return a;
			}
		}
		return -1;
	}
}
