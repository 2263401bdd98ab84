package coop.commonscloud.portability.internal;

/** What README.txt of a person's export says. */
final class Readme {

	static final String TEXT = """
			Your data from Commons Cloud
			============================

			This archive holds everything the region keeps about you. Dates and times are ISO 8601
			(times in UTC), money is a whole number of minor units (cents) with its ISO currency, and
			every JSON file has a schemaVersion.

			account.json             your profile, your sign-in history, the services you connected with
			                         what you agreed to share, your browser sessions and whether two-step
			                         sign-in is on (never a password, secret or code)
			payments.csv             every payment and refund (refunds as negative amounts)
			payments.json            the same, with your bank-transfer reference and every plan (tier)
			                         you chose
			usage.csv                per offering and day: whether you signed in (active) and the units
			                         its provider reported
			where-my-money-went.csv  every line of how your payments were split in each settled period:
			                         the stewardship share, each provider's share, and any fallback
			governance.json          your memberships, delegations, proposals, comments, named ballots
			                         and ballot receipts. Ballots of anonymous polls carry no voter, so
			                         they cannot be linked to you and are not in this export; it lists
			                         only the anonymous polls you took part in.
			chosen-services.csv      the services you picked from the catalogue, and when
			services.json            the offerings you used, who runs them, and each service's own
			                         data-export link where it has one (the service itself may hold more
			                         than the region does)

			What happens when you leave, and what is kept and for how long: docs/portability.md of
			the platform, or ask the region's stewards.
			""";

	private Readme() {
	}
}
