package coop.commonscloud.parameters.internal;

import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.ParameterChanged;
import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterValue;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcPlatformParameters implements PlatformParameters {

	private static final String ENTRY_COLUMNS = "p.id, p.key, p.value, d.unit, p.effective_from, p.recorded_at, "
			+ "p.recorded_by, p.reason, p.decision";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	JdbcPlatformParameters(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public ParameterValue valueAt(ParameterKey key, Instant at) {
		return jdbc.sql("select " + ENTRY_COLUMNS + " from platform_parameter p "
				+ "join platform_parameter_definition d on d.key = p.key "
				+ "where p.key = :key and p.effective_from <= :at order by p.effective_from desc, p.id desc limit 1")
				.param("key", key.name())
				.param("at", Timestamp.from(at))
				.query(JdbcPlatformParameters::entry)
				.optional()
				.map(ParameterEntry::value)
				.orElseThrow(() -> new NotFound("Platform parameter '" + key + "' has no value at " + at));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ParameterEntry> allAt(Instant at) {
		return jdbc.sql("select distinct on (p.key) " + ENTRY_COLUMNS + " from platform_parameter p "
				+ "join platform_parameter_definition d on d.key = p.key where p.effective_from <= :at "
				+ "order by p.key, p.effective_from desc, p.id desc")
				.param("at", Timestamp.from(at))
				.query(JdbcPlatformParameters::entry)
				.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ParameterEntry> history(ParameterKey key) {
		definition(key);
		return jdbc.sql("select " + ENTRY_COLUMNS + " from platform_parameter p "
				+ "join platform_parameter_definition d on d.key = p.key where p.key = :key "
				+ "order by p.effective_from desc, p.id desc")
				.param("key", key.name())
				.query(JdbcPlatformParameters::entry)
				.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ParameterDefinition> definitions() {
		return jdbc.sql("select key, unit, description, minimum, maximum from platform_parameter_definition order by key")
				.query((rs, n) -> new ParameterDefinition(new ParameterKey(rs.getString("key")), rs.getString("unit"),
						rs.getString("description"), rs.getBigDecimal("minimum"), rs.getBigDecimal("maximum")))
				.list();
	}

	@Override
	@Transactional
	public ParameterEntry set(ParameterChange change) {
		ParameterDefinition definition = definition(change.key());
		if (definition.minimum() != null && change.value().compareTo(definition.minimum()) < 0) {
			throw new InvalidInput(change.key() + " must be at least " + definition.minimum().toPlainString() + " "
					+ definition.unit() + "; got " + change.value().toPlainString());
		}
		if (definition.maximum() != null && change.value().compareTo(definition.maximum()) > 0) {
			throw new InvalidInput(change.key() + " must be at most " + definition.maximum().toPlainString() + " "
					+ definition.unit() + "; got " + change.value().toPlainString());
		}
		long id = jdbc.sql("insert into platform_parameter (key, value, effective_from, recorded_by, reason, decision) "
				+ "values (:key, :value, :from, :by, :reason, :decision) returning id")
				.param("key", change.key().name())
				.param("value", change.value())
				.param("from", Timestamp.from(change.effectiveFrom()))
				.param("by", change.recordedBy())
				.param("reason", change.reason().strip())
				.param("decision", change.decision())
				.query(Long.class)
				.single();
		ParameterEntry entry = jdbc.sql("select " + ENTRY_COLUMNS + " from platform_parameter p "
				+ "join platform_parameter_definition d on d.key = p.key where p.id = :id")
				.param("id", id)
				.query(JdbcPlatformParameters::entry)
				.single();
		events.publishEvent(new ParameterChanged(entry.key(), entry.value(), entry.effectiveFrom()));
		return entry;
	}

	private ParameterDefinition definition(ParameterKey key) {
		return definitions().stream()
				.filter(d -> d.key().equals(key))
				.findFirst()
				.orElseThrow(() -> new NotFound("There is no platform parameter '" + key + "'"));
	}

	private static ParameterEntry entry(ResultSet rs, int row) throws SQLException {
		return new ParameterEntry(rs.getLong("id"), new ParameterKey(rs.getString("key")),
				new ParameterValue(rs.getBigDecimal("value"), rs.getString("unit")),
				rs.getTimestamp("effective_from").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("recorded_by"), rs.getString("reason"), rs.getString("decision"));
	}
}
