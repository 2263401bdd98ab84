package coop.commonscloud.settlement.internal.domain;

import coop.commonscloud.platform.LargestRemainder;
import java.util.ArrayList;
import java.util.List;

/**
 * The land-back levy: set aside from a settler-run provider's gross for the period (one rounding
 * per provider, not per person), and shared among the payees governance names, by their shares,
 * in code order (ties go to the payee listed first).
 */
public final class Levying {

	private Levying() {
	}

	/** The levy on one provider's gross; zero for a provider that is not settler-run. */
	public static long levy(long grossMinor, boolean settlerRun, SettlementRules rules) {
		if (!settlerRun || grossMinor == 0) {
			return 0;
		}
		return LargestRemainder.allocate(grossMinor, List.of(rules.landBackPpm(), SettlementRules.MILLION - rules.landBackPpm()))[0];
	}

	/** A land-back payee and its share of the levy. */
	public record Payee(String code, String name, long share) {
	}

	/** Splits the period's total levy among the payees (in the order given: by code). */
	public static long[] amongPayees(long totalLevyMinor, List<Payee> payees) {
		if (payees.isEmpty()) {
			throw new IllegalStateException("Governance has named no land-back payee: add one before settling");
		}
		List<Long> shares = new ArrayList<>();
		payees.forEach(p -> shares.add(p.share()));
		return LargestRemainder.allocate(totalLevyMinor, shares);
	}
}
