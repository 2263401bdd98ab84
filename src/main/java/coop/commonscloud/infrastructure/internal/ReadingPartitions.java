package coop.commonscloud.infrastructure.internal;

import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the monthly partitions of {@code power_reading} an upload needs, in a transaction of its
 * own: creating a partition locks the whole table until commit, and an upload holding that lock
 * while waiting for another upload's source lock could deadlock with it. An empty partition left
 * behind by a refused upload does no harm.
 */
@Component
@RequiredArgsConstructor
class ReadingPartitions {

	private final TelemetryStore store;

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void ensure(Instant from, Instant to) {
		store.ensurePartitions(from, to);
	}
}
