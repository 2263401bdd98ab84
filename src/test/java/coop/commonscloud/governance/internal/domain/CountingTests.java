package coop.commonscloud.governance.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.commonscloud.platform.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingTests {

	static final int AGREE = 0, ABSTAIN = 1, DISAGREE = 2, BLOCK = 3;
	static final int FOR = 0, AGAINST = 1;

	// --- Schulze ---------------------------------------------------------------------------

	/**
	 * The example of Schulze's paper (2011, section 3.1) and Wikipedia's "Schulze method": 45
	 * voters, five candidates; the winner is E and the full order is E > A > C > B > D.
	 */
	@Test
	void schulze_picks_e_in_the_classic_five_candidate_forty_five_voter_example() {
		PollRules rules = ranked(Method.SCHULZE, "A", "B", "C", "D", "E");
		List<Cast> casts = new ArrayList<>();
		add(casts, 5, rules, "ACBED");
		add(casts, 5, rules, "ADECB");
		add(casts, 8, rules, "BEDAC");
		add(casts, 3, rules, "CABED");
		add(casts, 7, rules, "CAEBD");
		add(casts, 2, rules, "CBADE");
		add(casts, 7, rules, "DCEBA");
		add(casts, 8, rules, "EBADC");
		assertThat(casts).hasSize(45);

		Count count = Counting.count(rules, casts);

		assertThat(count.outcome()).isEqualTo(Outcome.CHOSEN);
		assertThat(rules.options().get(count.winner())).isEqualTo("E");
		assertThat(count.workings().get("ranking")).isEqualTo(List.of("E", "A", "C", "B", "D"));
		// d[A][B] = 20 and the strongest path from A to B is 28 (A-D-C-B), as the paper shows
		assertThat(pairwise(count, "pairwise", "A", "B")).isEqualByComparingTo("20");
		assertThat(pairwise(count, "strongestPaths", "A", "B")).isEqualByComparingTo("28");
		assertThat(pairwise(count, "strongestPaths", "E", "D")).isEqualByComparingTo("31");
	}

	/**
	 * Wikipedia's "Tennessee capital" example: Memphis 42 %, Nashville 26 %, Chattanooga 15 %,
	 * Knoxville 17 %. Nashville is the Condorcet (and so Schulze) winner; instant-runoff
	 * eliminates Chattanooga, then Nashville, and elects Knoxville.
	 */
	@Test
	void the_tennessee_example_elects_nashville_by_schulze_and_knoxville_by_instant_runoff() {
		for (Method method : List.of(Method.SCHULZE, Method.INSTANT_RUNOFF)) {
			PollRules rules = ranked(method, "Memphis", "Nashville", "Chattanooga", "Knoxville");
			List<Cast> casts = List.of(
					weighted(rules, 42, "Memphis", "Nashville", "Chattanooga", "Knoxville"),
					weighted(rules, 26, "Nashville", "Chattanooga", "Knoxville", "Memphis"),
					weighted(rules, 15, "Chattanooga", "Knoxville", "Nashville", "Memphis"),
					weighted(rules, 17, "Knoxville", "Chattanooga", "Nashville", "Memphis"));

			Count count = Counting.count(rules, casts);

			String expected = method == Method.SCHULZE ? "Nashville" : "Knoxville";
			assertThat(rules.options().get(count.winner())).as(method.name()).isEqualTo(expected);
		}
	}

	@Test
	void instant_runoff_shows_each_round_and_who_was_eliminated() {
		PollRules rules = ranked(Method.INSTANT_RUNOFF, "Memphis", "Nashville", "Chattanooga", "Knoxville");
		Count count = Counting.count(rules, List.of(
				weighted(rules, 42, "Memphis", "Nashville", "Chattanooga", "Knoxville"),
				weighted(rules, 26, "Nashville", "Chattanooga", "Knoxville", "Memphis"),
				weighted(rules, 15, "Chattanooga", "Knoxville", "Nashville", "Memphis"),
				weighted(rules, 17, "Knoxville", "Chattanooga", "Nashville", "Memphis")));

		assertThat(count.workings().get("eliminated")).isEqualTo(List.of("Chattanooga", "Nashville"));
		@SuppressWarnings("unchecked")
		List<java.util.Map<String, BigDecimal>> rounds = (List<java.util.Map<String, BigDecimal>>) count.workings().get("rounds");
		assertThat(rounds).hasSize(3);
		assertThat(rounds.get(1).get("Knoxville")).isEqualByComparingTo("32");
		assertThat(rounds.get(2).get("Knoxville")).isEqualByComparingTo("58");
	}

	@Test
	void instant_runoff_elects_an_option_with_a_first_round_majority_at_once() {
		PollRules rules = ranked(Method.INSTANT_RUNOFF, "A", "B", "C");
		Count count = Counting.count(rules, List.of(ballot(rules, "AB"), ballot(rules, "AC"), ballot(rules, "BA")));
		assertThat(count.winner()).isEqualTo(0);
		assertThat(count.workings().get("eliminated")).isEqualTo(List.of());
	}

	@Test
	void instant_runoff_breaks_a_tie_for_last_place_by_the_earlier_round() {
		// round 1: A 4, B 3, C 2, D 2 -> C and D tie for last, and tie in every earlier round too:
		// the one listed later (D) goes. Round 2: A 4, B 3, C 4 (D's ballots moved to C).
		// Round 3: B is last and goes; B's ballots go to C: C 7 of 11 wins.
		PollRules rules = ranked(Method.INSTANT_RUNOFF, "A", "B", "C", "D");
		List<Cast> casts = new ArrayList<>();
		add(casts, 4, rules, "A");
		add(casts, 3, rules, "BC");
		add(casts, 2, rules, "CB");
		add(casts, 2, rules, "DC");
		Count count = Counting.count(rules, casts);
		assertThat(count.workings().get("eliminated")).isEqualTo(List.of("D", "B"));
		assertThat(rules.options().get(count.winner())).isEqualTo("C");
	}

	@Test
	void instant_runoff_with_a_perfect_two_way_tie_elects_the_option_listed_first() {
		PollRules rules = ranked(Method.INSTANT_RUNOFF, "North", "South");
		Count count = Counting.count(rules, List.of(ballot(rules, "NS"), ballot(rules, "SN")));
		assertThat(rules.options().get(count.winner())).isEqualTo("North");
		PollRules reversed = ranked(Method.INSTANT_RUNOFF, "South", "North");
		Count again = Counting.count(reversed, List.of(ballot(reversed, "NS"), ballot(reversed, "SN")));
		assertThat(reversed.options().get(again.winner())).isEqualTo("South");
	}

	@Test
	void schulze_breaks_a_cycle_tie_by_the_listed_order_every_time() {
		// a perfect Condorcet cycle A > B > C > A with equal strength: all three unbeaten
		PollRules rules = ranked(Method.SCHULZE, "A", "B", "C");
		List<Cast> casts = List.of(ballot(rules, "ABC"), ballot(rules, "BCA"), ballot(rules, "CAB"));
		for (int run = 0; run < 5; run++) {
			Count count = Counting.count(rules, casts);
			assertThat(count.winner()).isZero();
			assertThat(count.explanation()).contains("earliest listed");
		}
	}

	// --- ties in point methods -------------------------------------------------------------------

	@Test
	void a_score_tie_goes_to_the_option_listed_first() {
		PollRules rules = new PollRules(Method.SCORE, List.of("Solar", "Wind", "Hydro"), null, null, 5);
		Count count = Counting.count(rules, List.of(points(3, 5, 1), points(5, 3, 2)));
		assertThat(count.totals().get("Solar")).isEqualByComparingTo("8");
		assertThat(count.totals().get("Wind")).isEqualByComparingTo("8");
		assertThat(count.winner()).isZero();
		assertThat(count.explanation()).contains("listed earliest");
	}

	@Test
	void dot_votes_are_weighted_and_may_not_exceed_the_budget() {
		PollRules rules = new PollRules(Method.DOT, List.of("Matrix", "Mastodon", "Forgejo"), null, null, 3);
		Count count = Counting.count(rules, List.of(
				new Cast(new BallotContent.Points(List.of(0, 0, 3)), new BigDecimal("2")),
				Cast.of(new BallotContent.Points(List.of(2, 1, 0))),
				Cast.of(new BallotContent.Points(List.of(3, 0, 0)))));
		assertThat(count.totals().get("Forgejo")).isEqualByComparingTo("6");
		assertThat(count.totals().get("Matrix")).isEqualByComparingTo("5");
		assertThat(rules.options().get(count.winner())).isEqualTo("Forgejo");
		assertThat(rules.problemsWith(new BallotContent.Points(List.of(2, 2, 0)))).containsExactly(
				"Spend at most 3 dots in all; you spent 4");
	}

	@Test
	void a_simple_majority_tie_keeps_the_status_quo() {
		PollRules rules = new PollRules(Method.MAJORITY, null, null, null, 0);
		Count count = Counting.count(rules, List.of(choice(FOR), choice(AGAINST), choice(2)));
		assertThat(count.outcome()).isEqualTo(Outcome.REJECTED);
	}

	// --- quorum ------------------------------------------------------------------------------

	@Test
	void quorum_just_met_counts_the_poll() {
		PollRules rules = new PollRules(Method.MAJORITY, null, new BigDecimal("3"), null, 0);
		// weights 1 + 1 + 1 = 3: exactly the quorum; an abstention counts toward it
		Count count = Counting.count(rules, List.of(choice(FOR), choice(FOR), choice(2)));
		assertThat(count.outcome()).isEqualTo(Outcome.PASSED);
		assertThat(count.weightCast()).isEqualByComparingTo("3");
	}

	@Test
	void quorum_just_missed_decides_nothing_however_the_ballots_read() {
		PollRules rules = new PollRules(Method.MAJORITY, null, new BigDecimal("3"), null, 0);
		Count count = Counting.count(rules, List.of(choice(FOR), new Cast(new BallotContent.Choice(FOR), new BigDecimal("1.99"))));
		assertThat(count.outcome()).isEqualTo(Outcome.NO_QUORUM);
		assertThat(count.explanation()).contains("2.99").contains("quorum is 3");
	}

	@Test
	void quorum_counts_the_weight_of_ballots_cast_not_of_the_members_invited() {
		// a weight-2 class member and a weight-1 member cast: 3 meets a quorum of 3 whatever the roll
		PollRules rules = new PollRules(Method.CONSENT, null, new BigDecimal("3"), null, 0);
		Count count = Counting.count(rules, List.of(new Cast(new BallotContent.Choice(AGREE), new BigDecimal("2")),
				choice(DISAGREE)));
		assertThat(count.outcome()).isEqualTo(Outcome.PASSED);
	}

	// --- consent and majorities ---------------------------------------------------------------

	@Test
	void a_single_block_stops_a_consent_poll_however_many_agree() {
		PollRules rules = new PollRules(Method.CONSENT, null, null, null, 0);
		List<Cast> casts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			casts.add(choice(AGREE));
		}
		casts.add(choice(BLOCK));
		Count count = Counting.count(rules, casts);
		assertThat(count.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(count.outcome().carries()).isFalse();
	}

	@Test
	void consent_without_a_block_passes_when_agreement_outweighs_disagreement() {
		PollRules rules = new PollRules(Method.CONSENT, null, null, null, 0);
		assertThat(Counting.count(rules, List.of(choice(AGREE), choice(AGREE), choice(DISAGREE), choice(ABSTAIN))).outcome())
				.isEqualTo(Outcome.PASSED);
		assertThat(Counting.count(rules, List.of(choice(AGREE), choice(DISAGREE))).outcome()).isEqualTo(Outcome.REJECTED);
	}

	@Test
	void a_supermajority_of_two_thirds_passes_at_exactly_two_thirds() {
		PollRules rules = new PollRules(Method.SUPERMAJORITY, null, null, new BigDecimal("0.6667"), 0);
		// weights: for 2, against 1 -> 66.67 % < 66.67 % threshold? 2 >= 0.6667 * 3 = 2.0001 is false
		assertThat(Counting.count(rules, List.of(choice(FOR), choice(FOR), choice(AGAINST))).outcome())
				.isEqualTo(Outcome.REJECTED);
		PollRules twoThirds = new PollRules(Method.SUPERMAJORITY, null, null, new BigDecimal("0.66"), 0);
		assertThat(Counting.count(twoThirds, List.of(choice(FOR), choice(FOR), choice(AGAINST))).outcome())
				.isEqualTo(Outcome.PASSED);
	}

	@Test
	void class_weights_change_the_result_of_a_multi_stakeholder_vote() {
		PollRules rules = new PollRules(Method.MAJORITY, null, null, null, 0);
		List<Cast> casts = List.of(new Cast(new BallotContent.Choice(FOR), new BigDecimal("3")), choice(AGAINST),
				choice(AGAINST));
		assertThat(Counting.count(rules, casts).outcome()).isEqualTo(Outcome.PASSED);
	}

	@Test
	void bad_rules_are_refused_with_every_problem_named() {
		assertThatThrownBy(() -> new PollRules(Method.SCHULZE, List.of("Only one"), new BigDecimal("-1"), null, 0))
				.isInstanceOf(InvalidInput.class)
				.satisfies(e -> assertThat(((InvalidInput) e).problems()).hasSize(2));
		assertThatThrownBy(() -> new PollRules(Method.SUPERMAJORITY, null, null, new BigDecimal("0.5"), 0))
				.isInstanceOf(InvalidInput.class);
	}

	@Test
	void ballot_contents_survive_their_stored_text_form() {
		for (BallotContent content : List.of(new BallotContent.Choice(3), new BallotContent.Ranking(List.of(2, 0, 1)),
				new BallotContent.Points(List.of(0, 5, 1)))) {
			assertThat(BallotContent.decode(content.encode())).isEqualTo(content);
		}
	}

	// --- helpers --------------------------------------------------------------------------------

	private static PollRules ranked(Method method, String... options) {
		return new PollRules(method, List.of(options), null, null, 0);
	}

	private static void add(List<Cast> casts, int times, PollRules rules, String letters) {
		for (int i = 0; i < times; i++) {
			casts.add(ballot(rules, letters));
		}
	}

	/** A ranking written as the first letters of the options, most preferred first. */
	private static Cast ballot(PollRules rules, String letters) {
		List<Integer> order = new ArrayList<>();
		for (char letter : letters.toCharArray()) {
			for (int i = 0; i < rules.options().size(); i++) {
				if (rules.options().get(i).charAt(0) == letter) {
					order.add(i);
				}
			}
		}
		return Cast.of(new BallotContent.Ranking(order));
	}

	private static Cast weighted(PollRules rules, int weight, String... names) {
		return new Cast(new BallotContent.Ranking(java.util.Arrays.stream(names).map(rules.options()::indexOf).toList()),
				BigDecimal.valueOf(weight));
	}

	private static Cast choice(int option) {
		return Cast.of(new BallotContent.Choice(option));
	}

	private static Cast points(int... points) {
		return Cast.of(new BallotContent.Points(java.util.Arrays.stream(points).boxed().toList()));
	}

	@SuppressWarnings("unchecked")
	private static BigDecimal pairwise(Count count, String matrix, String from, String to) {
		return ((java.util.Map<String, java.util.Map<String, BigDecimal>>) count.workings().get(matrix)).get(from).get(to);
	}
}
