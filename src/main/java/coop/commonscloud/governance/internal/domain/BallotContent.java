package coop.commonscloud.governance.internal.domain;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one ballot says, by option number (0 is the first option listed on the poll). Stored as
 * short text ({@code choice:1}, {@code ranking:2,0,1}, {@code points:3,0,5}) so the stored rows
 * are readable and carry nothing but the vote.
 */
public sealed interface BallotContent {

	/** One option chosen: consent, majority and supermajority polls. */
	record Choice(int option) implements BallotContent {
	}

	/** Options in order of preference, most preferred first; unranked options come after all ranked. */
	record Ranking(List<Integer> order) implements BallotContent {
		public Ranking {
			order = List.copyOf(order);
			if (new HashSet<>(order).size() != order.size()) {
				throw new IllegalArgumentException("an option may be ranked only once");
			}
		}
	}

	/** Points per option, in option order: scores (each 0 to the maximum) or dots (summing to the budget at most). */
	record Points(List<Integer> perOption) implements BallotContent {
		public Points {
			perOption = List.copyOf(perOption);
		}

		public int total() {
			return perOption.stream().mapToInt(Integer::intValue).sum();
		}
	}

	default String encode() {
		if (this instanceof Choice c) {
			return "choice:" + c.option();
		}
		if (this instanceof Ranking r) {
			return "ranking:" + join(r.order());
		}
		return "points:" + join(((Points) this).perOption());
	}

	static BallotContent decode(String text) {
		int colon = text.indexOf(':');
		String kind = text.substring(0, colon);
		String body = text.substring(colon + 1);
		return switch (kind) {
			case "choice" -> new Choice(Integer.parseInt(body));
			case "ranking" -> new Ranking(numbers(body));
			case "points" -> new Points(numbers(body));
			default -> throw new IllegalArgumentException("unknown ballot kind " + kind);
		};
	}

	private static String join(List<Integer> numbers) {
		return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static List<Integer> numbers(String body) {
		return body.isEmpty() ? List.of() : Arrays.stream(body.split(",")).map(Integer::valueOf).toList();
	}
}
