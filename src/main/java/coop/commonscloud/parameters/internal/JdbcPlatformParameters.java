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
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcPlatformParameters implements PlatformParameters {

	private final ParameterStore store;
	private final ApplicationEventPublisher events;

	JdbcPlatformParameters(ParameterStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public ParameterValue valueAt(ParameterKey key, Instant at) {
		return store.inForce(key, at)
				.map(ParameterEntry::value)
				.orElseThrow(() -> new NotFound("Platform parameter '" + key + "' has no value at " + at));
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

	private ParameterDefinition definition(ParameterKey key) {
		return definitions().stream()
				.filter(d -> d.key().equals(key))
				.findFirst()
				.orElseThrow(() -> new NotFound("There is no platform parameter '" + key + "'"));
	}
}
