package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.BallotContent;
import coop.commonscloud.governance.internal.domain.PollRules;
import coop.commonscloud.platform.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ballot as people write it, by option name: one choice, a ranking, or points per option.
 * Turned into the stored form (option numbers) against the poll's options.
 */
record BallotInput(String choice, List<String> ranking, Map<String, Integer> points) {

	BallotContent toContent(PollRules rules) {
		List<String> options = rules.options();
		if (rules.method().decidesYesOrNo()) {
			if (choice == null || !options.contains(choice.strip())) {
				throw new InvalidInput("Choose one of " + String.join(", ", options));
			}
			return new BallotContent.Choice(options.indexOf(choice.strip()));
		}
		if (rules.method().ranked()) {
			List<String> ranked = ranking == null ? List.of()
					: ranking.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
			List<String> unknown = ranked.stream().filter(r -> !options.contains(r)).toList();
			if (!unknown.isEmpty()) {
				throw new InvalidInput("Rank only this poll's options; unknown: " + String.join(", ", unknown));
			}
			if (ranked.stream().distinct().count() != ranked.size()) {
				throw new InvalidInput("Rank each option at most once");
			}
			return new BallotContent.Ranking(ranked.stream().map(options::indexOf).toList());
		}
		Map<String, Integer> given = points == null ? Map.of() : points;
		List<String> unknown = given.keySet().stream().filter(k -> !options.contains(k)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInput("Give points only to this poll's options; unknown: " + String.join(", ", unknown));
		}
		List<Integer> perOption = new ArrayList<>();
		for (String option : options) {
			Integer p = given.get(option);
			perOption.add(p == null ? 0 : p);
		}
		return new BallotContent.Points(perOption);
	}

	/** The stored form back in words, for showing a named ballot. */
	static String describe(BallotContent content, PollRules rules) {
		List<String> options = rules.options();
		if (content instanceof BallotContent.Choice c) {
			return options.get(c.option());
		}
		if (content instanceof BallotContent.Ranking r) {
			return String.join(" > ", r.order().stream().map(options::get).toList());
		}
		List<Integer> p = ((BallotContent.Points) content).perOption();
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			parts.add(options.get(i) + " " + p.get(i));
		}
		return String.join(", ", parts);
	}
}
