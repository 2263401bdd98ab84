package coop.commonscloud.metering.internal;

import coop.commonscloud.metering.PersonUsage;
import coop.commonscloud.metering.Usage;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The period's usage per person, streamed from one aggregation over {@code usage_day} (see
 * {@link UsageStore#forEachPersonUsage}). Persons come in PostgreSQL's uuid order, which is the order
 * of the ids' lower-case text (not {@link UUID#compareTo}).
 */
@Component
@RequiredArgsConstructor
class UsageQueries implements Usage {

	private final UsageStore store;

	@Override
	@Transactional(readOnly = true) // the PostgreSQL driver streams with a fetch size only inside a transaction
	public void forEachPersonUsage(YearMonth period, Consumer<PersonUsage> sink) {
		store.forEachPersonUsage(period, sink);
	}

	@Override
	@Transactional(readOnly = true)
	public PersonUsage usedBy(UUID person) {
		return store.usedBy(person);
	}
}
