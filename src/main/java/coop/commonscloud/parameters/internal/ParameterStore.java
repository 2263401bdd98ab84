package coop.commonscloud.parameters.internal;

import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.parameters.ParameterValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parameters' definitions and their append-only history of values. The value in force at an
 * instant is the latest entry effective at or before it (ties: the later recorded entry).
 */
@Repository
@RequiredArgsConstructor
class ParameterStore {

	private static final String ENTRIES = """
			select p.id, p.key, p.value, d.unit, p.effective_from, p.recorded_at, p.recorded_by, p.reason, p.decision
			from platform_parameter p join platform_parameter_definition d on d.key = p.key
			""";

	private final JdbcClient jdbc;

	Optional<ParameterEntry> inForce(ParameterKey key, Instant at) {
		return jdbc.sql(ENTRIES + """
				where p.key = :key and p.effective_from <= :at order by p.effective_from desc, p.id desc limit 1""")
				.param("key", key.name())
				.param("at", Timestamp.from(at))
				.query(ParameterStore::entry)
				.optional();
	}

	/** The entry in force at {@code at} of every parameter that has one, in key order. */
	List<ParameterEntry> allInForce(Instant at) {
		return jdbc.sql("""
				select distinct on (p.key) p.id, p.key, p.value, d.unit, p.effective_from, p.recorded_at, p.recorded_by,
				  p.reason, p.decision
				from platform_parameter p join platform_parameter_definition d on d.key = p.key
				where p.effective_from <= :at
				order by p.key, p.effective_from desc, p.id desc""")
				.param("at", Timestamp.from(at))
				.query(ParameterStore::entry)
				.list();
	}

	/** Newest first. */
	List<ParameterEntry> history(ParameterKey key) {
		return jdbc.sql(ENTRIES + "where p.key = :key order by p.effective_from desc, p.id desc")
				.param("key", key.name())
				.query(ParameterStore::entry)
				.list();
	}

	ParameterEntry entry(long id) {
		return jdbc.sql(ENTRIES + "where p.id = :id").param("id", id).query(ParameterStore::entry).single();
	}

	long insertValue(ParameterChange change) {
		return jdbc.sql("""
				insert into platform_parameter (key, value, effective_from, recorded_by, reason, decision)
				values (:key, :value, :from, :by, :reason, :decision) returning id""")
				.param("key", change.key().name())
				.param("value", change.value())
				.param("from", Timestamp.from(change.effectiveFrom()))
				.param("by", change.recordedBy())
				.param("reason", change.reason().strip())
				.param("decision", change.decision())
				.query(Long.class)
				.single();
	}

	/** In key order. */
	List<ParameterDefinition> definitions() {
		return jdbc.sql("select key, unit, description, minimum, maximum from platform_parameter_definition order by key")
				.query((rs, n) -> new ParameterDefinition(new ParameterKey(rs.getString("key")), rs.getString("unit"),
						rs.getString("description"), rs.getBigDecimal("minimum"), rs.getBigDecimal("maximum")))
				.list();
	}

	/** The keys that have at least one value. */
	Set<ParameterKey> keysWithValues() {
		return jdbc.sql("select distinct key from platform_parameter").query(String.class).list().stream()
				.map(ParameterKey::new).collect(Collectors.toSet());
	}

	/** Serialises the defining of parameters until the transaction ends, so two nodes starting at once define each once. */
	void lockDefinitions() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('platform-parameter-definitions'))").query((rs, n) -> 1).list();
	}

	/** Inserts the definition unless its key is defined; true when it was inserted. */
	boolean insertDefinition(ParameterDefinition definition) {
		return jdbc.sql("""
				insert into platform_parameter_definition (key, unit, description, minimum, maximum)
				values (:key, :unit, :description, :minimum, :maximum) on conflict (key) do nothing""")
				.param("key", definition.key().name()).param("unit", definition.unit())
				.param("description", definition.description())
				.param("minimum", definition.minimum(), Types.NUMERIC).param("maximum", definition.maximum(), Types.NUMERIC)
				.update() == 1;
	}

	/** The seed's value as the parameter's first entry: effective from the epoch, recorded by "seed". */
	void insertSeedValue(ParameterSeed seed) {
		jdbc.sql("""
				insert into platform_parameter (key, value, effective_from, recorded_by, reason)
				values (:key, :value, :from, :by, :reason)""")
				.param("key", seed.key().name()).param("value", seed.value())
				.param("from", Timestamp.from(ParameterSeed.EFFECTIVE_FROM)).param("by", ParameterSeed.RECORDED_BY)
				.param("reason", seed.reason())
				.update();
	}

	private static ParameterEntry entry(ResultSet rs, int row) throws SQLException {
		return new ParameterEntry(rs.getLong("id"), new ParameterKey(rs.getString("key")),
				new ParameterValue(rs.getBigDecimal("value"), rs.getString("unit")),
				rs.getTimestamp("effective_from").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("recorded_by"), rs.getString("reason"), rs.getString("decision"));
	}
}
