package coop.commonscloud.governance.internal.domain;

import coop.commonscloud.platform.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a poll is counted: its method, its options (fixed for yes/no methods), the quorum as a
 * weight of ballots actually cast, the share of for-votes a supermajority needs, and the most
 * points a score ballot gives one option or a dot ballot spends in all.
 */
public record PollRules(Method method, List<String> options, BigDecimal quorum, BigDecimal threshold, int maxPoints) {

	public PollRules {
		List<String> problems = new ArrayList<>();
		if (method == null) {
			problems.add("Choose a counting method: CONSENT, MAJORITY, SUPERMAJORITY, SCORE, INSTANT_RUNOFF, SCHULZE or DOT");
		} else if (method.decidesYesOrNo()) {
			options = method.fixedOptions();
		} else {
			options = options == null ? List.of() : options.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
			if (options.size() < 2 || options.size() > 20) {
				problems.add("A " + method + " poll needs 2 to 20 options to choose from");
			}
			if (options.stream().distinct().count() != options.size()) {
				problems.add("Each option may be listed only once");
			}
			if (options.stream().anyMatch(o -> o.length() > 200)) {
				problems.add("An option is at most 200 characters");
			}
		}
		quorum = quorum == null ? BigDecimal.ZERO : quorum;
		if (quorum.signum() < 0) {
			problems.add("The quorum is a weight of ballots cast, 0 or more");
		}
		if (method == Method.SUPERMAJORITY) {
			if (threshold == null || threshold.compareTo(new BigDecimal("0.5")) <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
				problems.add("A supermajority needs a threshold above 0.5 and at most 1, such as 0.6667");
			}
		} else {
			threshold = null;
		}
		if (method != null && method.pointed() && (maxPoints < 1 || maxPoints > 100)) {
			problems.add("A " + method + " poll needs the most points per " + (method == Method.DOT ? "ballot" : "option")
					+ " from 1 to 100");
		}
		if (method != null && !method.pointed()) {
			maxPoints = 0;
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		options = List.copyOf(options);
	}

	/** Checks one ballot against these rules; an empty list means it is valid. */
	public List<String> problemsWith(BallotContent content) {
		List<String> problems = new ArrayList<>();
		int n = options.size();
		if (content instanceof BallotContent.Choice c && method.decidesYesOrNo()) {
			if (c.option() < 0 || c.option() >= n) {
				problems.add("Choose one of " + String.join(", ", options));
			}
		} else if (content instanceof BallotContent.Ranking r && method.ranked()) {
			if (r.order().isEmpty()) {
				problems.add("Rank at least one option");
			}
			if (r.order().stream().anyMatch(o -> o < 0 || o >= n)) {
				problems.add("Rank only the options of this poll");
			}
		} else if (content instanceof BallotContent.Points p && method.pointed()) {
			if (p.perOption().size() != n) {
				problems.add("Give points to each of the " + n + " options (0 is allowed)");
			} else if (p.perOption().stream().anyMatch(x -> x < 0)) {
				problems.add("Points are 0 or more");
			} else if (method == Method.SCORE && p.perOption().stream().anyMatch(x -> x > maxPoints)) {
				problems.add("Score each option from 0 to " + maxPoints);
			} else if (method == Method.DOT && p.total() > maxPoints) {
				problems.add("Spend at most " + maxPoints + " dots in all; you spent " + p.total());
			}
		} else {
			problems.add("This ballot does not fit a " + method + " poll");
		}
		return problems;
	}
}
