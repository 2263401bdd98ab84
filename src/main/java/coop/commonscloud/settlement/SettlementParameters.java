package coop.commonscloud.settlement;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/**
 * The platform parameters settlement owns: the stewardship share, and how a person's payment is
 * split among providers. The land-back levy is qualification's {@code LAND_BACK_CONTRIBUTION}.
 */
public final class SettlementParameters {

	public static final ParameterKey STEWARDSHIP_SHARE = new ParameterKey("settlement.stewardship-share");
	/** A choice: 0 = active days, 1 = units the provider reported. */
	public static final ParameterKey USAGE_WEIGHTING = new ParameterKey("settlement.usage-weighting");
	/** A choice: 0 = pro-rata to all providers, 1 = the region's commons fund. */
	public static final ParameterKey NO_USAGE_FALLBACK = new ParameterKey("settlement.no-usage-fallback");

	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(STEWARDSHIP_SHARE, "%", "0", "100",
					"The share of each person's net payment in a period that goes to the region's stewardship before the rest "
							+ "is split among providers",
					"10", "A starting point for the region's own costs (support, accounts, the core servers), to be set by the members"),
			ParameterSeed.of(USAGE_WEIGHTING, "choice", "0", "1",
					"What a person's use of an offering weighs when their payment is split among providers: 0 = active days "
							+ "(days with a sign-in), 1 = units the provider reported (capped)",
					"0", "Active days: what people do, not what providers report, decides the split by default"),
			ParameterSeed.of(NO_USAGE_FALLBACK, "choice", "0", "1",
					"Where the payment of a person who used nothing in the period goes: 0 = pro-rata to all providers by their "
							+ "total usage, 1 = the region's commons fund",
					"0", "A person who used nothing still pays for the region's services: pro-rata to all providers by usage"));

	private SettlementParameters() {
	}
}
