package coop.commonscloud.parameters.internal;

import coop.commonscloud.parameters.ParameterChange;
import coop.commonscloud.parameters.ParameterChanged;
import coop.commonscloud.parameters.ParameterDefinition;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import coop.commonscloud.parameters.ParameterValue;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.NotFound;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class JdbcPlatformParameters implements PlatformParameters {

	private static final Logger log = LoggerFactory.getLogger(JdbcPlatformParameters.class);

	private final ParameterStore store;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Override
	@Transactional(readOnly = true)
	public ParameterValue valueAt(ParameterKey key, Instant at) {
		return store.inForce(key, at)
				.map(ParameterEntry::value)
				.orElseThrow(() -> new NotFound("Platform parameter '" + key + "' has no value at " + at));
	}

	@Override
	public ParameterValue current(ParameterKey key) {
		return valueAt(key, Instant.now(clock));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ParameterEntry> allAt(Instant at) {
		return store.allInForce(at);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ParameterEntry> history(ParameterKey key) {
		definition(key);
		return store.history(key);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ParameterDefinition> definitions() {
		return store.definitions();
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
		ParameterEntry entry = store.entry(store.insertValue(change));
		events.publishEvent(new ParameterChanged(entry.key(), entry.value(), entry.effectiveFrom()));
		return entry;
	}

	@Override
	@Transactional
	public List<ParameterKey> define(List<ParameterSeed> seeds) {
		if (seeds.isEmpty()) {
			return List.of();
		}
		Map<ParameterKey, ParameterSeed> byKey = new LinkedHashMap<>();
		for (ParameterSeed seed : seeds) {
			if (byKey.putIfAbsent(seed.key(), seed) != null) {
				throw new IllegalStateException("Platform parameter '" + seed.key() + "' is defined twice; one module owns it");
			}
		}
		warnOfDifferences(byKey);
		if (unvalued(byKey).isEmpty()) {
			return List.of(); // read only: at a site of the mesh, whose copy of these tables refuses writes
		}
		store.lockDefinitions();
		List<ParameterKey> added = new ArrayList<>();
		for (ParameterSeed seed : unvalued(byKey)) { // again under the lock: another node may have defined them
			store.insertDefinition(seed.definition());
			store.insertSeedValue(seed);
			added.add(seed.key());
		}
		return added;
	}

	/** The seeds whose parameter has no value yet, defined or not. */
	private List<ParameterSeed> unvalued(Map<ParameterKey, ParameterSeed> seeds) {
		Set<ParameterKey> valued = store.keysWithValues();
		return seeds.values().stream().filter(seed -> !valued.contains(seed.key())).toList();
	}

	private void warnOfDifferences(Map<ParameterKey, ParameterSeed> seeds) {
		for (ParameterDefinition stored : store.definitions()) {
			ParameterSeed seed = seeds.get(stored.key());
			if (seed != null && !same(seed.definition(), stored)) {
				log.warn("Platform parameter '{}' is defined as {} in the code but as {} in the database, which stays: "
						+ "definitions are append-only", stored.key(), seed.definition(), stored);
			}
		}
	}

	private static boolean same(ParameterDefinition a, ParameterDefinition b) {
		return a.key().equals(b.key()) && a.unit().equals(b.unit()) && a.description().equals(b.description())
				&& sameNumber(a.minimum(), b.minimum()) && sameNumber(a.maximum(), b.maximum());
	}

	private static boolean sameNumber(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	private ParameterDefinition definition(ParameterKey key) {
		return definitions().stream()
				.filter(d -> d.key().equals(key))
				.findFirst()
				.orElseThrow(() -> new NotFound("There is no platform parameter '" + key + "'"));
	}
}
