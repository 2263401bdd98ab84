package coop.commonscloud.catalogue.internal;

import coop.commonscloud.platform.PersonalData;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The services a person picked from the catalogue ({@code chosen-services.csv} of their export). A choice is the
 * person's own list, not a money record, so leaving deletes it.
 */
@Component
@RequiredArgsConstructor
class CataloguePersonalData implements PersonalData {

	private final JdbcClient jdbc;

	@Override
	public List<Holding> holdings() {
		return List.of(new Holding("chosen_offering", "person", true, Fate.ERASED,
				"the person's own pick of services; nothing was paid or split by it"));
	}

	@Override
	public List<ExportFile> export(Person person) {
		StringBuilder csv = new StringBuilder("offering_id,chosen_at\r\n");
		jdbc.sql("select offering_id, chosen_at from chosen_offering where person = :id order by chosen_at, offering_id")
				.param("id", person.account().value())
				.query((rs, n) -> csv.append(rs.getObject(1, UUID.class)).append(',')
						.append(rs.getObject(2, java.time.OffsetDateTime.class).toInstant()).append("\r\n"))
				.list();
		return List.of(new ExportFile("chosen-services.csv", csv.toString()));
	}

	@Override
	public void forget(Person person) {
		jdbc.sql("delete from chosen_offering where person = :id").param("id", person.account().value()).update();
	}
}
