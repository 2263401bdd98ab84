package coop.commonscloud.metering.internal;

import coop.commonscloud.identity.SignInActivity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a day's successful sign-ins and token grants into active-day usage rows, one per person,
 * offering and day. Idempotent: rolling a day up again adds only what is new, such as sign-ins a
 * site shipped to the core late. The daily job rolls up the last three days for that reason.
 */
@Component
class SignInRollup {

	private static final Logger log = LoggerFactory.getLogger(SignInRollup.class);
	private static final int BATCH = 1_000;

	private final SignInActivity signIns;
	private final OfferingClients clients;
	private final UsageStore store;
	private final ZoneId zone;
	private final Clock clock;
	private final int daysBack;

	SignInRollup(SignInActivity signIns, OfferingClients clients, UsageStore store,
			@Value("${commonscloud.metering.zone:UTC}") String zone,
			@Value("${commonscloud.metering.rollup.days-back:3}") int daysBack, Clock clock) {
		this.signIns = signIns;
		this.clients = clients;
		this.store = store;
		this.zone = ZoneId.of(zone);
		this.daysBack = daysBack;
		this.clock = clock;
	}

	ZoneId zone() {
		return zone;
	}

	@Scheduled(cron = "${commonscloud.metering.rollup.cron:0 30 1 * * *}", zone = "${commonscloud.metering.zone:UTC}")
	void daily() {
		LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
		int added = rollUp(yesterday.minusDays(daysBack - 1L), yesterday);
		log.info("metering: {} active days added for {} days up to {}", added, daysBack, yesterday);
	}

	/** Rolls up the days {@code from} to {@code to} inclusive; answers how many new active days it added. */
	@Transactional
	int rollUp(LocalDate from, LocalDate to) {
		Map<String, UUID> offerings = clients.offeringsByClient();
		List<UsageStore.ActiveDay> batch = new ArrayList<>(BATCH);
		int[] added = {0};
		signIns.forEachActiveDay(from, to, zone, active -> {
			UUID offering = offerings.get(active.clientId());
			if (offering == null) {
				return; // a client that no offering counts (the region's own tools, an unlinked service)
			}
			batch.add(new UsageStore.ActiveDay(active.accountId(), offering, active.day()));
			if (batch.size() == BATCH) {
				added[0] += flush(batch);
			}
		});
		added[0] += flush(batch);
		return added[0];
	}

	private int flush(List<UsageStore.ActiveDay> batch) {
		int added = store.insertActiveDays(batch);
		batch.clear();
		return added;
	}
}
