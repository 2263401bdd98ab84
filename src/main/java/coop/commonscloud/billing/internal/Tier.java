package coop.commonscloud.billing.internal;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.platform.InvalidInput;

/** The region's sliding-scale tiers; each one's yearly minimum is a platform parameter. */
public enum Tier {
	SOLIDARITY("Solidarity", "billing.tier.solidarity"),
	FULL("Full", "billing.tier.full"),
	CONCESSION("Concession", "billing.tier.concession"),
	ABORIGINAL_AND_TORRES_STRAIT_ISLANDER("Aboriginal and Torres Strait Islander",
			"billing.tier.aboriginal-and-torres-strait-islander");

	static final ParameterKey CONCESSION_CONFIRMATION = new ParameterKey("billing.concession.confirmation-required");

	private final String label;
	private final ParameterKey minimum;

	Tier(String label, String minimumKey) {
		this.label = label;
		this.minimum = new ParameterKey(minimumKey);
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
