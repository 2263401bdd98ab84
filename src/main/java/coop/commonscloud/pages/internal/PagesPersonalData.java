package coop.commonscloud.pages.internal;

import coop.commonscloud.platform.PersonalData;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a person finished their first steps ({@code first_steps}). It says nothing a person would want back, so
 * it is not exported; leaving deletes it.
 */
@Component
@RequiredArgsConstructor
class PagesPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	@Override
	public List<Holding> holdings() {
		return List.of(new Holding("first_steps", "person", false, Fate.ERASED,
				"only when the person started and finished the setup pages after signing up"));
	}

	@Override
	public List<ExportFile> export(Person person) {
		return List.of();
	}

	@Override
	public void forget(Person person) {
		jdbc.sql("delete from first_steps where person = :id").param("id", person.account().value()).update();
	}
}
