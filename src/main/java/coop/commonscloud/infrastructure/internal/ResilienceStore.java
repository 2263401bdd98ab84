package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.OutageDrill;
import coop.commonscloud.infrastructure.ServerId;
import coop.commonscloud.infrastructure.internal.domain.WorstDays;
import coop.commonscloud.region.SiteId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class ResilienceStore {

	private final JdbcClient jdbc;

	/** Whether any of the sources has a day of telemetry. */
	boolean hasDays(UUID source) {
		return jdbc.sql("select exists (select 1 from power_day where source_id = ?)").param(source)
				.query(Boolean.class).single();
	}

	/**
	 * The renewable generation of each day on which every one of the sources reported, summed over
	 * them; a day is complete when every source's readings cover at least {@code coveredSeconds}.
	 */
	List<WorstDays.Day> generationDays(List<UUID> sources, LocalDate from, LocalDate to, long coveredSeconds) {
		return jdbc.sql("select day, sum(renewable_supply_wh) as wh, count(*) = ? and min(covered_s) >= ? as complete "
				+ "from power_day where source_id = any(cast(? as uuid[])) and day between ? and ? group by day order by day")
				.params(sources.size(), coveredSeconds, sources.stream().map(UUID::toString).toArray(String[]::new), from, to)
				.query((rs, row) -> new WorstDays.Day(rs.getObject("day", LocalDate.class), rs.getDouble("wh"),
						rs.getBoolean("complete")))
				.list();
	}

	void insertDrill(OutageDrill drill) {
		jdbc.sql("insert into outage_drill (id, site_id, started_at, ended_at, servers_kept_up, result, notes, recorded_by) "
				+ "values (?, ?, ?, ?, cast(? as uuid[]), ?, ?, ?)")
				.params(drill.id(), drill.site().value(), Timestamp.from(drill.startedAt()), Timestamp.from(drill.endedAt()),
						drill.serversKeptUp().stream().map(ServerId::toString).toArray(String[]::new), drill.result().name(),
						drill.notes(), drill.recordedBy())
				.update();
	}

	List<OutageDrill> drillsAt(SiteId site) {
		return jdbc.sql("select * from outage_drill where site_id = ? order by started_at desc, recorded_at desc")
				.param(site.value()).query(ResilienceStore::drill).list();
	}

	OutageDrill drill(UUID id) {
		return jdbc.sql("select * from outage_drill where id = ?").param(id).query(ResilienceStore::drill).single();
	}

	private static OutageDrill drill(ResultSet rs, int row) throws SQLException {
		Array kept = rs.getArray("servers_kept_up");
		List<ServerId> servers = Arrays.stream((Object[]) kept.getArray()).map(id -> new ServerId((UUID) id)).toList();
		return new OutageDrill(rs.getObject("id", UUID.class), new SiteId(rs.getObject("site_id", UUID.class)),
				rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("ended_at").toInstant(), servers,
				OutageDrill.Result.valueOf(rs.getString("result")), rs.getString("notes"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
