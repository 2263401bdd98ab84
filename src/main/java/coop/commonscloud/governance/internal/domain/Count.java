package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of counting a poll, with the details a member needs to check it: the weight cast,
 * a total per option, and method-specific workings (the rounds of an instant-runoff, the
 * pairwise preferences and strongest paths of Schulze).
 *
 * @param winner the chosen option's number, or -1 when none was chosen
 */
public record Count(Outcome outcome, int winner, String explanation, BigDecimal weightCast, int ballotsCast,
		Map<String, BigDecimal> totals, Map<String, Object> workings) {

	public Count {
		totals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
		workings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(workings));
	}

	static Count of(Outcome outcome, int winner, String explanation, List<Cast> casts, Map<String, BigDecimal> totals,
			Map<String, Object> workings) {
		return new Count(outcome, winner, explanation, Weights.sum(casts), casts.size(), totals, workings);
	}
}
