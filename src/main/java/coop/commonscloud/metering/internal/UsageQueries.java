package coop.commonscloud.metering.internal;

import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.PersonUsage;
import coop.commonscloud.metering.Usage;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The period's usage per person: one aggregation over {@code usage_day}, read in index order
 * ({@code usage_day_by_period}: period, person, offering) so PostgreSQL groups while it scans,
 * without sorting, and rows stream to the caller with a fetch size. Persons come in PostgreSQL's
 * uuid order, which is the order of the ids' lower-case text (not {@link UUID#compareTo}).
 */
@Component
class UsageQueries implements Usage {

	private static final int FETCH_SIZE = 10_000;

	private final JdbcTemplate jdbc;

	UsageQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true) // the PostgreSQL driver streams with a fetch size only inside a transaction
	public void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink) {
		UUID[] person = {null};
		List<OfferingUsage> offerings = new ArrayList<>();
		jdbc.query(connection -> {
			var statement = connection.prepareStatement("select person, offering, count(*) filter (where active), "
					+ "coalesce(sum(units), 0) from usage_day where period = ? group by person, offering order by person, offering");
			statement.setFetchSize(FETCH_SIZE);
			statement.setDate(1, Date.valueOf(period.atDay(1)));
			return statement;
		}, row -> {
			UUID current = row.getObject(1, UUID.class);
			if (person[0] != null && !person[0].equals(current)) {
				sink.accept(new PersonUsage(person[0], offerings));
				offerings.clear();
			}
			person[0] = current;
			offerings.add(new OfferingUsage(new OfferingId(row.getObject(2, UUID.class)), row.getInt(3), row.getLong(4)));
		});
		if (person[0] != null) {
			sink.accept(new PersonUsage(person[0], offerings));
		}
	}
}
