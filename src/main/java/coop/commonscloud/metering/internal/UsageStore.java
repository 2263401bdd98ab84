package coop.commonscloud.metering.internal;

import coop.commonscloud.catalogue.OfferingId;
import coop.commonscloud.metering.OfferingUsage;
import coop.commonscloud.metering.PersonUsage;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Usage days (active days from sign-ins, units from provider reports), the provider reports as sent,
 * and which OpenID Connect client counts for which offering.
 */
@Repository
@RequiredArgsConstructor
class UsageStore {

	private static final int FETCH_SIZE = 10_000;

	/** An active day to add: the person signed in to the offering's client that day. */
	record ActiveDay(UUID person, UUID offering, LocalDate day) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	/**
	 * The period's usage per person: one aggregation over {@code usage_day}, read in index order
	 * ({@code usage_day_by_period}: period, person, offering) so PostgreSQL groups while it scans,
	 * without sorting, and rows stream to the caller with a fetch size, which the PostgreSQL driver
	 * does only inside a transaction: call it in one.
	 */
	void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink) {
		UUID[] person = {null};
		List<OfferingUsage> offerings = new ArrayList<>();
		template.query(connection -> {
			var statement = connection.prepareStatement("""
					select person, offering, count(*) filter (where active), coalesce(sum(units), 0)
					from usage_day where period = ? group by person, offering order by person, offering""");
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

	PersonUsage usedBy(UUID person) {
		return new PersonUsage(person, template.query("""
				select offering, count(*) filter (where active), coalesce(sum(units), 0) from usage_day
				where person = ? group by offering order by offering""",
				(row, n) -> new OfferingUsage(new OfferingId(row.getObject(1, UUID.class)), row.getInt(2), row.getLong(3)),
				person));
	}

	/** Adds the active days that are not there yet; answers how many it added. */
	int insertActiveDays(List<ActiveDay> days) {
		if (days.isEmpty()) {
			return 0;
		}
		int[][] counts = template.batchUpdate("""
				insert into usage_day (person, offering, day, active, units) values (?, ?, ?, true, 0)
				on conflict (person, offering, day) where active do nothing""", days, days.size(),
				(statement, day) -> {
					statement.setObject(1, day.person());
					statement.setObject(2, day.offering());
					statement.setDate(3, Date.valueOf(day.day()));
				});
		int sum = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				sum += Math.max(count, 0);
			}
		}
		return sum;
	}

	/** Serialises reports for one person, offering and day until the transaction ends, so the cap holds. */
	void lockReportsFor(UUID offering, UUID person, LocalDate day) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
				.param("lock", "usage:" + offering + ":" + person + ":" + day).query().singleRow();
	}

	Optional<ProviderReports.Receipt> report(UUID offering, String idempotencyKey) {
		return jdbc.sql("select * from usage_report where offering = :offering and idempotency_key = :key")
				.param("offering", offering).param("key", idempotencyKey).query(UsageStore::receipt).optional();
	}

	/** What the offering's reports already counted for the person on the day. */
	long countedFor(UUID offering, UUID person, LocalDate day) {
		return jdbc.sql("select coalesce(sum(counted), 0) from usage_report where offering = :offering and person = :person and day = :day")
				.param("offering", offering).param("person", person).param("day", Date.valueOf(day))
				.query(Long.class).single();
	}

	/** Keeps a report as sent; empty when a report with its idempotency key arrived first. */
	Optional<Long> insertReport(ProviderReports.Report report, String idempotencyKey, long counted, long cap, boolean anomaly,
			String by) {
		return jdbc.sql("""
				insert into usage_report (offering, idempotency_key, person, day, quantity, counted, cap, anomaly, reported_by)
				values (:offering, :key, :person, :day, :quantity, :counted, :cap, :anomaly, :by)
				on conflict (offering, idempotency_key) do nothing returning id""")
				.param("offering", report.offeringId()).param("key", idempotencyKey).param("person", report.person())
				.param("day", Date.valueOf(report.day())).param("quantity", report.quantity()).param("counted", counted)
				.param("cap", cap).param("anomaly", anomaly).param("by", by)
				.query(Long.class).optional();
	}

	/** The units a report counted, as a usage day of its own. */
	void insertReportedUnits(ProviderReports.Report report, long units, long reportId) {
		jdbc.sql("""
				insert into usage_day (person, offering, day, active, units, report)
				values (:person, :offering, :day, false, :units, :report)""")
				.param("person", report.person()).param("offering", report.offeringId()).param("day", Date.valueOf(report.day()))
				.param("units", units).param("report", reportId).update();
	}

	/** Reports whose quantity was over the cap, newest first (at most 500). */
	List<ProviderReports.Receipt> anomalies() {
		return jdbc.sql("select * from usage_report where anomaly order by reported_at desc, id desc limit 500")
				.query(UsageStore::receipt).list();
	}

	private static ProviderReports.Receipt receipt(ResultSet row, int n) throws SQLException {
		return new ProviderReports.Receipt(row.getLong("id"), row.getObject("offering", UUID.class),
				row.getObject("person", UUID.class), row.getObject("day", LocalDate.class), row.getLong("quantity"),
				row.getLong("counted"), row.getLong("cap"), row.getBoolean("anomaly"), row.getString("idempotency_key"),
				row.getTimestamp("reported_at").toInstant(), row.getString("reported_by"), false);
	}

	/** Links the client to the offering, replacing the offering's earlier client; a client counts for one offering only. */
	void link(UUID offering, String clientId, String by) {
		jdbc.sql("""
				insert into offering_client (offering_id, client_id, linked_by) values (:offering, :client, :by)
				on conflict (offering_id) do update
				  set client_id = excluded.client_id, linked_by = excluded.linked_by, linked_at = now()""")
				.param("offering", offering).param("client", clientId).param("by", by).update();
	}

	Optional<String> clientOf(UUID offering) {
		return jdbc.sql("select client_id from offering_client where offering_id = :id").param("id", offering)
				.query(String.class).optional();
	}

	/** Every linked client and its offering: a few hundred rows at most. */
	Map<String, UUID> offeringsByClient() {
		Map<String, UUID> links = new HashMap<>();
		jdbc.sql("select client_id, offering_id from offering_client")
				.query(row -> {
					links.put(row.getString(1), row.getObject(2, UUID.class));
				});
		return links;
	}
}
