package coop.commonscloud.billing.internal;

import coop.commonscloud.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's append-only history of chosen plans, and the stewards' confirmations of concessions. */
@Repository
@RequiredArgsConstructor
class PlanStore {

	private static final String SELECT = """
			select c.id, c.person, c.tier, c.yearly_cents, c.minimum_cents, c.currency, c.needs_confirmation,
			  f.choice_id is not null as confirmed, c.chosen_at, c.chosen_by
			from billing_plan_choice c left join billing_concession_confirmation f on f.choice_id = c.id
			""";

	private final JdbcClient jdbc;

	long insertChoice(UUID person, Tier tier, Money yearly, Money minimum, boolean needsConfirmation, Instant at, String by) {
		return jdbc.sql("""
				insert into billing_plan_choice (person, tier, yearly_cents, currency, minimum_cents, needs_confirmation,
				  chosen_at, chosen_by)
				values (:person, :tier, :yearly, :currency, :minimum, :confirm, :at, :by) returning id""")
				.param("person", person).param("tier", tier.name()).param("yearly", yearly.minorUnits())
				.param("currency", yearly.currency().getCurrencyCode()).param("minimum", minimum.minorUnits())
				.param("confirm", needsConfirmation).param("at", Timestamp.from(at)).param("by", by)
				.query(Long.class).single();
	}

	void insertConfirmation(long choiceId, String by) {
		jdbc.sql("insert into billing_concession_confirmation (choice_id, confirmed_by) values (:id, :by) on conflict do nothing")
				.param("id", choiceId).param("by", by).update();
	}

	Optional<Plans.Choice> choice(long id) {
		return jdbc.sql(SELECT + "where c.id = :id").param("id", id).query(PlanStore::choice).optional();
	}

	/** Newest first. */
	List<Plans.Choice> choicesOf(UUID person) {
		return jdbc.sql(SELECT + "where c.person = :person order by c.id desc").param("person", person)
				.query(PlanStore::choice).list();
	}

	/** The people's current choices that wait for a steward's confirmation, oldest first. */
	List<Plans.Choice> awaitingConfirmation() {
		return jdbc.sql(SELECT + """
				where c.needs_confirmation and f.choice_id is null
				  and c.id = (select max(id) from billing_plan_choice l where l.person = c.person)
				order by c.id""")
				.query(PlanStore::choice).list();
	}

	private static Plans.Choice choice(ResultSet row, int n) throws SQLException {
		String currency = row.getString("currency");
		return new Plans.Choice(row.getLong("id"), row.getObject("person", UUID.class), Tier.valueOf(row.getString("tier")),
				Money.of(row.getLong("yearly_cents"), currency), Money.of(row.getLong("minimum_cents"), currency),
				row.getBoolean("needs_confirmation"), row.getBoolean("confirmed"),
				row.getTimestamp("chosen_at").toInstant(), row.getString("chosen_by"));
	}
}
