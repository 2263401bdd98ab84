package coop.commonscloud.pages.internal;

import coop.commonscloud.identity.FirstSteps;
import coop.commonscloud.identity.SignedUp;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who has first steps left: everyone who signed up, until they finish or skip them. People whose accounts stewards
 * opened are not led through them (they can still open the steps from their account page).
 */
@Component
@RequiredArgsConstructor
class Newcomers implements FirstSteps {

	private final JdbcClient jdbc;
	private final Clock clock;

	@ApplicationModuleListener
	void on(SignedUp signedUp) {
		jdbc.sql("insert into first_steps (person, started_at) values (:person, :at) on conflict do nothing")
				.param("person", signedUp.account()).param("at", Timestamp.from(signedUp.at())).update();
	}

	@Override
	public boolean unfinished(UUID account) {
		return jdbc.sql("select count(*) from first_steps where person = :person and finished_at is null")
				.param("person", account).query(Long.class).single() > 0;
	}

	/** The person finished (or skipped) their first steps; a second time changes nothing. */
	void finished(UUID account) {
		jdbc.sql("update first_steps set finished_at = :at where person = :person and finished_at is null")
				.param("person", account).param("at", Timestamp.from(clock.instant())).update();
	}
}
