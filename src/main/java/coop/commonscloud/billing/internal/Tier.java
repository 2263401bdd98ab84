package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.BillingParameters;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.platform.InvalidInput;

/** The region's sliding-scale tiers; each one's yearly minimum is a platform parameter. */
public enum Tier {
	SOLIDARITY("Solidarity", BillingParameters.SOLIDARITY_MINIMUM),
	FULL("Full", BillingParameters.FULL_MINIMUM),
	CONCESSION("Concession", BillingParameters.CONCESSION_MINIMUM),
	ABORIGINAL_AND_TORRES_STRAIT_ISLANDER("Aboriginal and Torres Strait Islander",
			BillingParameters.ABORIGINAL_AND_TORRES_STRAIT_ISLANDER_MINIMUM);

	private final String label;
	private final ParameterKey minimum;

	Tier(String label, ParameterKey minimum) {
		this.label = label;
		this.minimum = minimum;
	}

	public String label() {
		return label;
	}

	ParameterKey minimumKey() {
		return minimum;
	}

	static Tier parse(String value) {
		try {
			return Tier.valueOf(value == null ? "" : value.strip());
		} catch (IllegalArgumentException e) {
			throw new InvalidInput("Choose one of the tiers: solidarity, full, concession, or Aboriginal and Torres Strait Islander");
		}
	}
}
