package coop.commonscloud.infrastructure.internal;

import coop.commonscloud.infrastructure.PowerDay;
import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.ReadingCorrection;
import coop.commonscloud.infrastructure.TelemetrySource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Readings go in as arrays through {@code unnest}, one statement per source and batch; every
 * figure over time is SQL aggregation over the daily rollup, never a loop over raw rows.
 */
@Repository
@RequiredArgsConstructor
class TelemetryStore {

	/** Sums over a window of days of one source. */
	record Window(int days, long coveredSeconds, Instant firstReading, Instant lastReading, double consumptionWh,
			double renewableSupplyWh, double gridImportWh, int fullyRenewableDays, LocalDate lastFullyRenewableDay) {
	}

	/** A stored reading whose values differ from the one sent for the same time. */
	record Difference(Instant at, PowerReading stored, PowerReading sent) {
	}

	private static final String SENT = "unnest(cast(? as timestamptz[]), cast(? as real[]), cast(? as real[]), "
			+ "cast(? as real[]), cast(? as real[])) as t(at, c, r, g, b)";

	private final JdbcClient jdbc;
	private final DataSource dataSource;

	/** Makes the monthly partitions of {@code power_reading} that readings from {@code from} to {@code to} need. */
	void ensurePartitions(Instant from, Instant to) {
		jdbc.sql("select ensure_power_reading_partitions(?, ?)").params(Timestamp.from(from), Timestamp.from(to))
				.query((rs, row) -> 1).list();
	}

	/**
	 * Holds the source until the transaction ends, so that two uploads for one source cannot each
	 * recompute a day without seeing the other's readings.
	 */
	void lock(TelemetrySource source) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(source.id().toString())
				.query((rs, row) -> 1).list();
	}

	/** Inserts the readings that are new; returns the times of those stored. */
	List<Instant> insertNew(TelemetrySource source, List<PowerReading> readings) {
		Object[] arrays = arrays(readings);
		return jdbc.sql("insert into power_reading (source_kind, source_id, measured_at, consumption_w, renewable_w, "
				+ "grid_import_w, battery_wh) select ?, ?, t.at, t.c, t.r, t.g, t.b from " + SENT
				+ " on conflict (source_id, measured_at) do nothing returning measured_at")
				.params(source.kind().name(), source.id(), arrays[0], arrays[1], arrays[2], arrays[3], arrays[4])
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.list();
	}

	/** The sent readings whose stored values differ (in the stored precision). */
	List<Difference> differences(TelemetrySource source, List<PowerReading> readings) {
		Object[] arrays = arrays(readings);
		return jdbc.sql("select p.measured_at, p.consumption_w, p.renewable_w, p.grid_import_w, p.battery_wh, "
				+ "t.c, t.r, t.g, t.b from " + SENT + " join power_reading p on p.source_id = ? and p.measured_at = t.at "
				+ "where (p.consumption_w, p.renewable_w, p.grid_import_w) is distinct from (t.c, t.r, t.g) "
				+ "or p.battery_wh is distinct from t.b order by p.measured_at")
				.params(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], source.id())
				.query((rs, row) -> {
					Instant at = rs.getTimestamp(1).toInstant();
					return new Difference(at, reading(at, rs, 2), reading(at, rs, 6));
				})
				.list();
	}

	/** How many of the sent readings' times are stored already, whatever their values. */
	int countStored(TelemetrySource source, List<PowerReading> readings) {
		Object[] arrays = arrays(readings);
		return jdbc.sql("select count(*) from " + SENT + " join power_reading p on p.source_id = ? and p.measured_at = t.at")
				.params(arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], source.id())
				.query(Integer.class).single();
	}

	/** The times of a source's stored readings from {@code from} (inclusive) to {@code to} (exclusive). */
	List<Instant> times(TelemetrySource source, Instant from, Instant to) {
		return jdbc.sql("select measured_at from power_reading where source_id = ? and measured_at >= ? and measured_at < ? "
				+ "order by measured_at")
				.params(source.id(), Timestamp.from(from), Timestamp.from(to))
				.query((rs, row) -> rs.getTimestamp(1).toInstant())
				.list();
	}

	void correct(TelemetrySource source, List<Difference> differences, String actor) {
		for (Difference d : differences) {
			jdbc.sql("insert into power_reading_correction (source_kind, source_id, measured_at, old_consumption_w, "
					+ "old_renewable_w, old_grid_import_w, old_battery_wh, new_consumption_w, new_renewable_w, "
					+ "new_grid_import_w, new_battery_wh, corrected_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(source.kind().name(), source.id(), Timestamp.from(d.at()), (float) d.stored().consumptionW(),
							(float) d.stored().renewableW(), (float) d.stored().gridImportW(), toFloat(d.stored().batteryWh()),
							(float) d.sent().consumptionW(), (float) d.sent().renewableW(), (float) d.sent().gridImportW(),
							toFloat(d.sent().batteryWh()), actor)
					.update();
			jdbc.sql("update power_reading set consumption_w = ?, renewable_w = ?, grid_import_w = ?, battery_wh = ?, "
					+ "received_at = now() where source_id = ? and measured_at = ?")
					.params((float) d.sent().consumptionW(), (float) d.sent().renewableW(), (float) d.sent().gridImportW(),
							toFloat(d.sent().batteryWh()), source.id(), Timestamp.from(d.at()))
					.update();
		}
	}

	int refreshDays(TelemetrySource source, LocalDate first, LocalDate last, long spacingSeconds) {
		return jdbc.sql("select refresh_power_days(?, ?, ?, ?)")
				.params(source.id(), first, last, (int) spacingSeconds)
				.query(Integer.class).single();
	}

	Window window(TelemetrySource source, LocalDate from, LocalDate to, double fullDayCoverage) {
		return jdbc.sql("select count(*) as days, coalesce(sum(covered_s), 0) as covered_s, min(first_at) as first_at, "
				+ "max(last_at) as last_at, coalesce(sum(consumption_wh), 0) as consumption_wh, "
				+ "coalesce(sum(renewable_supply_wh), 0) as renewable_supply_wh, "
				+ "coalesce(sum(grid_import_wh), 0) as grid_import_wh, "
				+ "count(*) filter (where full_day) as full_days, max(day) filter (where full_day) as last_full_day "
				+ "from (select *, covered_s >= ? and grid_import_wh = 0 and consumption_wh > 0 "
				+ "and renewable_supply_wh >= consumption_wh as full_day "
				+ "from power_day where source_id = ? and day between ? and ?) d")
				.params(Math.round(fullDayCoverage * 86_400), source.id(), from, to)
				.query((rs, row) -> new Window(rs.getInt("days"), rs.getLong("covered_s"), instant(rs, "first_at"),
						instant(rs, "last_at"), rs.getDouble("consumption_wh"), rs.getDouble("renewable_supply_wh"),
						rs.getDouble("grid_import_wh"), rs.getInt("full_days"),
						rs.getObject("last_full_day", LocalDate.class)))
				.single();
	}

	List<PowerReading> readings(TelemetrySource source, Instant from, Instant to, long offset, int limit) {
		return jdbc.sql("select measured_at, consumption_w, renewable_w, grid_import_w, battery_wh from power_reading "
				+ "where source_id = ? and measured_at >= ? and measured_at < ? order by measured_at offset ? limit ?")
				.params(source.id(), Timestamp.from(from), Timestamp.from(to), offset, limit)
				.query((rs, row) -> reading(rs.getTimestamp(1).toInstant(), rs, 2))
				.list();
	}

	long countReadings(TelemetrySource source, Instant from, Instant to) {
		return jdbc.sql("select count(*) from power_reading where source_id = ? and measured_at >= ? and measured_at < ?")
				.params(source.id(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
	}

	List<ReadingCorrection> corrections(TelemetrySource source, Instant from, Instant to) {
		return jdbc.sql("select * from power_reading_correction where source_id = ? and measured_at >= ? and measured_at < ? "
				+ "order by corrected_at desc, id desc")
				.params(source.id(), Timestamp.from(from), Timestamp.from(to))
				.query((rs, row) -> {
					Instant at = rs.getTimestamp("measured_at").toInstant();
					return new ReadingCorrection(source,
							new PowerReading(at, rs.getFloat("old_consumption_w"), rs.getFloat("old_renewable_w"),
									rs.getFloat("old_grid_import_w"), nullableFloat(rs, "old_battery_wh")),
							new PowerReading(at, rs.getFloat("new_consumption_w"), rs.getFloat("new_renewable_w"),
									rs.getFloat("new_grid_import_w"), nullableFloat(rs, "new_battery_wh")),
							rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant());
				})
				.list();
	}

	private static Double nullableFloat(ResultSet rs, String column) throws SQLException {
		float value = rs.getFloat(column);
		return rs.wasNull() ? null : (double) value;
	}

	List<PowerDay> days(TelemetrySource source, LocalDate from, LocalDate to) {
		return jdbc.sql("select * from power_day where source_id = ? and day between ? and ? order by day")
				.params(source.id(), from, to)
				.query((rs, row) -> {
					float battery = rs.getFloat("lowest_battery_wh");
					Double lowest = rs.wasNull() ? null : (double) battery;
					return new PowerDay(rs.getObject("day", LocalDate.class), rs.getInt("readings"), rs.getLong("covered_s"),
							rs.getDouble("consumption_wh"), rs.getDouble("renewable_supply_wh"), rs.getDouble("grid_import_wh"),
							lowest, instant(rs, "first_at"), instant(rs, "last_at"));
				})
				.list();
	}

	/** Hourly renewable supply (Wh) of the sources from {@code from} (inclusive) for {@code hours} hours, integrated as the days are. */
	double[] hourlySupply(List<UUID> sources, Instant from, int hours, long spacingSeconds) {
		double[] supply = new double[hours];
		if (sources.isEmpty()) {
			return supply;
		}
		Instant to = from.plusSeconds(hours * 3600L);
		jdbc.sql("select floor(extract(epoch from measured_at - ?) / 3600)::int as hour, sum(renewable_w * dt) / 3600 as wh "
				+ "from (select measured_at, renewable_w, least(extract(epoch from lead(measured_at) over "
				+ "(partition by source_id order by measured_at) - measured_at)::float8, ?) as dt from power_reading "
				+ "where source_id = any(?) and measured_at >= ? and measured_at < ?) r "
				+ "where measured_at < ? group by 1 order by 1")
				.params(Timestamp.from(from), (int) spacingSeconds, uuidArray(sources), Timestamp.from(from),
						Timestamp.from(to.plusSeconds(spacingSeconds)), Timestamp.from(to))
				.query((rs, row) -> {
					supply[rs.getInt("hour")] = rs.getDouble("wh");
					return 1;
				})
				.list();
		return supply;
	}

	private Object[] arrays(List<PowerReading> readings) {
		String[] at = new String[readings.size()];
		Float[] c = new Float[readings.size()];
		Float[] r = new Float[readings.size()];
		Float[] g = new Float[readings.size()];
		Float[] b = new Float[readings.size()];
		for (int i = 0; i < readings.size(); i++) {
			PowerReading reading = readings.get(i);
			at[i] = reading.at().toString();
			c[i] = (float) reading.consumptionW();
			r[i] = (float) reading.renewableW();
			g[i] = (float) reading.gridImportW();
			b[i] = toFloat(reading.batteryWh());
		}
		return new Object[] {array("text", at), array("float4", c), array("float4", r), array("float4", g), array("float4", b)};
	}

	private Array uuidArray(List<UUID> ids) {
		return array("uuid", ids.toArray(new UUID[0]));
	}

	private Array array(String type, Object[] values) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return connection.createArrayOf(type, values);
		} catch (SQLException e) {
			throw new IllegalStateException("Could not pass readings to the database", e);
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static Float toFloat(Double value) {
		return value == null ? null : value.floatValue();
	}

	private static PowerReading reading(Instant at, ResultSet rs, int first) throws SQLException {
		float battery = rs.getFloat(first + 3);
		Double batteryOrNull = rs.wasNull() ? null : (double) battery;
		return new PowerReading(at, rs.getFloat(first), rs.getFloat(first + 1), rs.getFloat(first + 2), batteryOrNull);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
