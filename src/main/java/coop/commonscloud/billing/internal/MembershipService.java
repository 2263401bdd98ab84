package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.BankAccount;
import coop.commonscloud.billing.Membership;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** {@link Membership} over the plans, the payment references and the region's bank details. */
@Service
@RequiredArgsConstructor
@EnableConfigurationProperties(BankDetails.class)
class MembershipService implements Membership {

	private final Plans plans;
	private final Payers payers;
	private final PaymentReferences references;
	private final BankDetails bankDetails;

	@Override
	public List<TierPrice> tiers() {
		return plans.prices().stream().map(p -> new TierPrice(p.tier().name(), p.tier().label(), p.minimum())).toList();
	}

	@Override
	public Optional<Plan> myPlan() {
		return plans.current(payers.signedIn()).map(MembershipService::plan);
	}

	@Override
	public Plan chooseMyPlan(String tier, String yearlyAmount) {
		return plan(plans.choose(payers.signedIn(), Tier.parse(tier), yearlyAmount));
	}

	@Override
	public String myPaymentReference() {
		return references.of(payers.signedIn());
	}

	@Override
	public Optional<BankAccount> bankAccount() {
		return bankDetails.account();
	}

	private static Plan plan(Plans.Choice choice) {
		return new Plan(choice.tier().name(), choice.tier().label(), choice.yearly(), choice.minimum(),
				choice.awaitingConfirmation());
	}
}
