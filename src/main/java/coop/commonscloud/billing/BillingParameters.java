package coop.commonscloud.billing;

import coop.commonscloud.parameters.ChoiceParameter;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/** The platform parameters billing owns: each tier's yearly minimum, and whether a concession needs confirming. */
public final class BillingParameters {

	public static final ParameterKey SOLIDARITY_MINIMUM = new ParameterKey("billing.tier.solidarity");
	public static final ParameterKey FULL_MINIMUM = new ParameterKey("billing.tier.full");
	public static final ParameterKey CONCESSION_MINIMUM = new ParameterKey("billing.tier.concession");
	public static final ParameterKey ABORIGINAL_AND_TORRES_STRAIT_ISLANDER_MINIMUM =
			new ParameterKey("billing.tier.aboriginal-and-torres-strait-islander");

	/** Whether a steward must confirm that a person may pay the concession tier. */
	public enum ConcessionConfirmation {
		NOT_REQUIRED, REQUIRED
	}

	public static final ChoiceParameter<ConcessionConfirmation> CONCESSION_CONFIRMATION = ChoiceParameter.of(
			new ParameterKey("billing.concession.confirmation-required"), ConcessionConfirmation.NOT_REQUIRED,
			ConcessionConfirmation.REQUIRED);

	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(SOLIDARITY_MINIMUM, "AUD", "0", null,
					"Yearly minimum of the solidarity tier, in dollars (people who can pay more carry others)",
					"100", "Proposal: solidarity AUD 100 a year"),
			ParameterSeed.of(FULL_MINIMUM, "AUD", "0", null, "Yearly minimum of the full tier, in dollars",
					"40", "Proposal: full AUD 40 a year"),
			ParameterSeed.of(CONCESSION_MINIMUM, "AUD", "0", null, "Yearly minimum of the concession tier, in dollars",
					"10", "Proposal: concession AUD 10 a year"),
			ParameterSeed.of(ABORIGINAL_AND_TORRES_STRAIT_ISLANDER_MINIMUM, "AUD", "0", null,
					"Yearly minimum for Aboriginal and Torres Strait Islander people, in dollars",
					"0", "Proposal: AUD 0 for Aboriginal and Torres Strait Islander people"),
			ParameterSeed.of(CONCESSION_CONFIRMATION.key(), "flag", "0", "1",
					"1: a steward must confirm a concession choice; 0: a concession needs no proof",
					"0", "Issue 5: concession needs no proof by default"));

	private BillingParameters() {
	}
}
