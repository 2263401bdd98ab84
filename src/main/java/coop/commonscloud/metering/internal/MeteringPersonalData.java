package coop.commonscloud.metering.internal;

import coop.commonscloud.platform.PersonalData;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's days of use in their export ({@code usage.csv}): per offering and day, whether they
 * signed in and the units its provider reported. Kept on leaving, under the account id, since
 * settled periods were split by them.
 */
@Component
@RequiredArgsConstructor
class MeteringPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	@Override
	public List<Holding> holdings() {
		return List.of(
				new Holding("usage_day", "person", true, Fate.KEPT_UNDER_PSEUDONYM,
						"settlement split payments by it; append-only, kept with the money records"),
				new Holding("usage_report", "person", true, Fate.KEPT_UNDER_PSEUDONYM,
						"providers' reports, counted in usage.csv's units; append-only, kept with the money records"));
	}

	@Override
	public List<ExportFile> export(Person person) {
		UUID id = person.account().value();
		StringBuilder csv = new StringBuilder("offering_id,day,active,units\r\n");
		jdbc.sql("""
				select offering, day, bool_or(active), sum(units) from usage_day where person = :id
				group by offering, day order by offering, day""").param("id", id)
				.query((rs, n) -> csv.append(rs.getObject(1, UUID.class)).append(',').append(rs.getDate(2).toLocalDate())
						.append(',').append(rs.getBoolean(3)).append(',').append(rs.getLong(4)).append("\r\n"))
				.list();
		return List.of(new ExportFile("usage.csv", csv.toString()));
	}

	@Override
	public void forget(Person person) {
	}
}
