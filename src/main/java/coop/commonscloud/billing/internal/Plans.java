package coop.commonscloud.billing.internal;

import coop.commonscloud.billing.BillingParameters;
import coop.commonscloud.billing.BillingParameters.ConcessionConfirmation;
import coop.commonscloud.parameters.ParameterValue;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tiers' prices (read from platform parameters at the moment of choosing) and each person's
 * append-only history of chosen plans. Pay-what-you-can: any yearly amount at or above the tier's
 * minimum.
 */
@Service
@RequiredArgsConstructor
class Plans {

	public record Price(Tier tier, Money minimum) {
	}

	public record Choice(long id, UUID person, Tier tier, Money yearly, Money minimum, boolean needsConfirmation,
			boolean confirmed, Instant chosenAt, String chosenBy) {

		public boolean awaitingConfirmation() {
			return needsConfirmation && !confirmed;
		}
	}

	private final PlanStore store;
	private final PlatformParameters parameters;
	private final Caller caller;
	private final Clock clock;

	List<Price> prices() {
		Instant now = Instant.now(clock);
		return java.util.Arrays.stream(Tier.values()).map(tier -> new Price(tier, minimum(tier, now))).toList();
	}

	Money minimum(Tier tier, Instant at) {
		ParameterValue value = parameters.valueAt(tier.minimumKey(), at);
		return Money.parse(value.amount().toPlainString(), value.unit());
	}

	boolean concessionNeedsConfirmation(Instant at) {
		return parameters.choiceAt(BillingParameters.CONCESSION_CONFIRMATION, at) == ConcessionConfirmation.REQUIRED;
	}

	/** Records the person's new plan; refuses an amount below the tier's minimum in force now. */
	@Transactional
	Choice choose(UUID person, Tier tier, String yearlyAmount) {
		Instant now = Instant.now(clock);
		Money minimum = minimum(tier, now);
		Money yearly = yearlyAmount == null || yearlyAmount.isBlank() ? minimum
				: Money.parse(yearlyAmount, minimum.currency().getCurrencyCode());
		if (yearly.compareTo(minimum) < 0) {
			throw new InvalidInput("The " + tier.label().toLowerCase(java.util.Locale.ROOT) + " tier is at least "
					+ minimum + " a year; you offered " + yearly + ". Pay at least the minimum, or choose another tier.");
		}
		boolean needsConfirmation = tier == Tier.CONCESSION && concessionNeedsConfirmation(now);
		long id = store.insertChoice(person, tier, yearly, minimum, needsConfirmation, now, caller.actor());
		return find(id);
	}

	/** A steward confirms a concession that needed confirmation. */
	@Transactional
	void confirm(long choiceId) {
		caller.requireSteward();
		Choice choice = find(choiceId);
		if (!choice.awaitingConfirmation()) {
			throw new InvalidInput("This choice is not waiting for a steward's confirmation");
		}
		store.insertConfirmation(choiceId, caller.actor());
	}

	Optional<Choice> current(UUID person) {
		return history(person).stream().findFirst();
	}

	/** Newest first. */
	List<Choice> history(UUID person) {
		return store.choicesOf(person);
	}

	List<Choice> awaitingConfirmation() {
		return store.awaitingConfirmation();
	}

	private Choice find(long id) {
		return store.choice(id).orElseThrow(() -> new NotFound("No plan choice " + id));
	}
}
