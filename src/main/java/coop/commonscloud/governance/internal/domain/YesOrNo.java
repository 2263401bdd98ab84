package coop.commonscloud.governance.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Consent, simple majority and supermajority: does the proposal pass? */
final class YesOrNo {

	private YesOrNo() {
	}

	/**
	 * Consent: any block stops the proposal. Without a block it passes when the weight agreeing
	 * exceeds the weight disagreeing; abstentions count for quorum only.
	 */
	static Count consent(PollRules rules, List<Cast> casts) {
		Map<String, BigDecimal> totals = Counting.totals(rules, casts);
		BigDecimal agree = totals.get("Agree");
		BigDecimal disagree = totals.get("Disagree");
		BigDecimal block = totals.get("Block");
		if (block.signum() > 0) {
			return Count.of(Outcome.BLOCKED, -1, "Blocked: ballots of weight " + Weights.show(block)
					+ " blocked the proposal", casts, totals, Map.of());
		}
		boolean passes = agree.compareTo(disagree) > 0;
		return Count.of(passes ? Outcome.PASSED : Outcome.REJECTED, -1, "No block; agree " + Weights.show(agree)
				+ (passes ? " exceeds" : " does not exceed") + " disagree " + Weights.show(disagree), casts, totals, Map.of());
	}

	/**
	 * Simple majority: for must exceed against (a tie keeps the status quo). Supermajority: for
	 * must reach the threshold share of for plus against. Abstentions count for quorum only.
	 */
	static Count majority(PollRules rules, List<Cast> casts) {
		Map<String, BigDecimal> totals = Counting.totals(rules, casts);
		BigDecimal yes = totals.get("For");
		BigDecimal no = totals.get("Against");
		BigDecimal decisive = yes.add(no);
		if (rules.method() == Method.MAJORITY) {
			boolean passes = yes.compareTo(no) > 0;
			return Count.of(passes ? Outcome.PASSED : Outcome.REJECTED, -1, "For " + Weights.show(yes)
					+ (passes ? " exceeds" : " does not exceed") + " against " + Weights.show(no), casts, totals, Map.of());
		}
		boolean passes = decisive.signum() > 0 && yes.compareTo(rules.threshold().multiply(decisive)) >= 0;
		String share = decisive.signum() == 0 ? "no"
				: yes.multiply(BigDecimal.valueOf(100)).divide(decisive, 2, RoundingMode.HALF_EVEN).stripTrailingZeros()
						.toPlainString() + " %";
		return Count.of(passes ? Outcome.PASSED : Outcome.REJECTED, -1, "For is " + share + " of for and against; "
				+ (passes ? "reaches" : "falls short of") + " the threshold of "
				+ rules.threshold().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %",
				casts, totals, Map.of("threshold", rules.threshold()));
	}
}
