package coop.commonscloud.billing.internal;

import coop.commonscloud.parameters.ParameterValue;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import coop.commonscloud.platform.NotFound;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tiers' prices (read from platform parameters at the moment of choosing) and each person's
 * append-only history of chosen plans. Pay-what-you-can: any yearly amount at or above the tier's
 * minimum.
 */
@Service
class Plans {

	public record Price(Tier tier, Money minimum) {
	}

	public record Choice(long id, UUID person, Tier tier, Money yearly, Money minimum, boolean needsConfirmation,
			boolean confirmed, Instant chosenAt, String chosenBy) {

		public boolean awaitingConfirmation() {
			return needsConfirmation && !confirmed;
		}
	}

	private final JdbcClient jdbc;
	private final PlatformParameters parameters;
	private final Caller caller;

	Plans(JdbcClient jdbc, PlatformParameters parameters, Caller caller) {
		this.jdbc = jdbc;
		this.parameters = parameters;
		this.caller = caller;
	}

	List<Price> prices() {
		Instant now = Instant.now();
		return java.util.Arrays.stream(Tier.values()).map(tier -> new Price(tier, minimum(tier, now))).toList();
	}

	Money minimum(Tier tier, Instant at) {
		ParameterValue value = parameters.valueAt(tier.minimumKey(), at);
		return Money.parse(value.amount().toPlainString(), value.unit());
	}

	boolean concessionNeedsConfirmation(Instant at) {
		return parameters.valueAt(Tier.CONCESSION_CONFIRMATION, at).amount().compareTo(BigDecimal.ZERO) != 0;
	}

	/** Records the person's new plan; refuses an amount below the tier's minimum in force now. */
	@Transactional
	Choice choose(UUID person, Tier tier, String yearlyAmount) {
		Instant now = Instant.now();
		Money minimum = minimum(tier, now);
		Money yearly = yearlyAmount == null || yearlyAmount.isBlank() ? minimum
				: Money.parse(yearlyAmount, minimum.currency().getCurrencyCode());
		if (yearly.compareTo(minimum) < 0) {
			throw new InvalidInput("The " + tier.label().toLowerCase(java.util.Locale.ROOT) + " tier is at least "
					+ minimum + " a year; you offered " + yearly + ". Pay at least the minimum, or choose another tier.");
		}
		boolean needsConfirmation = tier == Tier.CONCESSION && concessionNeedsConfirmation(now);
		long id = jdbc.sql("insert into billing_plan_choice (person, tier, yearly_cents, currency, minimum_cents, "
				+ "needs_confirmation, chosen_at, chosen_by) values (:person, :tier, :yearly, :currency, :minimum, "
				+ ":confirm, :at, :by) returning id")
				.param("person", person).param("tier", tier.name()).param("yearly", yearly.minorUnits())
				.param("currency", yearly.currency().getCurrencyCode()).param("minimum", minimum.minorUnits())
				.param("confirm", needsConfirmation).param("at", Timestamp.from(now)).param("by", caller.actor())
				.query(Long.class).single();
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
		jdbc.sql("insert into billing_concession_confirmation (choice_id, confirmed_by) values (:id, :by) on conflict do nothing")
				.param("id", choiceId).param("by", caller.actor()).update();
	}

	Optional<Choice> current(UUID person) {
		return history(person).stream().findFirst();
	}

	/** Newest first. */
	List<Choice> history(UUID person) {
		return jdbc.sql(SELECT + " where c.person = :person order by c.id desc").param("person", person)
				.query(Plans::choice).list();
	}

	List<Choice> awaitingConfirmation() {
		return jdbc.sql(SELECT + " where c.needs_confirmation and f.choice_id is null and c.id = "
				+ "(select max(id) from billing_plan_choice l where l.person = c.person) order by c.id")
				.query(Plans::choice).list();
	}

	private Choice find(long id) {
		return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(Plans::choice).optional()
				.orElseThrow(() -> new NotFound("No plan choice " + id));
	}

	private static final String SELECT = "select c.id, c.person, c.tier, c.yearly_cents, c.minimum_cents, c.currency, "
			+ "c.needs_confirmation, f.choice_id is not null as confirmed, c.chosen_at, c.chosen_by "
			+ "from billing_plan_choice c left join billing_concession_confirmation f on f.choice_id = c.id";

	private static Choice choice(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		String currency = row.getString("currency");
		return new Choice(row.getLong("id"), row.getObject("person", UUID.class), Tier.valueOf(row.getString("tier")),
				Money.of(row.getLong("yearly_cents"), currency), Money.of(row.getLong("minimum_cents"), currency),
				row.getBoolean("needs_confirmation"), row.getBoolean("confirmed"),
				row.getTimestamp("chosen_at").toInstant(), row.getString("chosen_by"));
	}
}
