package coop.commonscloud.identity;

import coop.commonscloud.parameters.ChoiceParameter;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/**
 * The platform parameters identity defines in code. Its older ones (Argon2, sign-in throttling,
 * {@code identity.sign-up.mode}) are still inserted by its migrations.
 */
public final class IdentityParameters {

	/** Whether people may open their own account at {@code /sign-up}, in the way {@code identity.sign-up.mode} says. */
	public enum SignUp {
		CLOSED, OPEN
	}

	public static final ChoiceParameter<SignUp> SIGN_UP = ChoiceParameter.of(new ParameterKey("identity.sign-up.open"),
			SignUp.CLOSED, SignUp.OPEN);

	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(SIGN_UP.key(), "flag", "0", "1",
					"1: people may open their own account at /sign-up, as identity.sign-up.mode says; "
							+ "0: sign-up is closed and accounts are opened by the region's stewards",
					"1", "Proposal: people sign up once with the region"));

	private IdentityParameters() {
	}
}
