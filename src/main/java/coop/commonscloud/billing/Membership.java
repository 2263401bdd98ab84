package coop.commonscloud.billing;

import coop.commonscloud.platform.Money;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in person's membership plan, as other modules' pages offer it: the tiers with their minimums in force,
 * their plan, choosing one, and how to pay. Every method reads the signed-in account; nobody sees another's plan.
 */
public interface Membership {

	/** A tier as a person chooses it: its name (the form's value), its label and its yearly minimum now. */
	record TierPrice(String tier, String label, Money minimum) {
	}

	/** A person's plan: what they undertook to pay a year, and the tier's minimum when they chose. */
	record Plan(String tier, String label, Money yearly, Money minimum, boolean awaitingConfirmation) {
	}

	List<TierPrice> tiers();

	Optional<Plan> myPlan();

	/**
	 * Chooses the signed-in person's tier and yearly amount (empty means the minimum); refuses an unknown tier or an
	 * amount below the minimum with {@link coop.commonscloud.platform.InvalidInput} saying why.
	 */
	Plan chooseMyPlan(String tier, String yearlyAmount);

	/** The reference the signed-in person writes on a bank transfer (made on first use). */
	String myPaymentReference();

	/** The region's bank account, or empty when the settings do not give one in full. */
	Optional<BankAccount> bankAccount();
}
