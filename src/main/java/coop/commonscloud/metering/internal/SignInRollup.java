package coop.commonscloud.metering.internal;

import coop.commonscloud.identity.SignInActivity;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
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
	private final JdbcTemplate jdbc;
	private final ZoneId zone;
	private final int daysBack;

	SignInRollup(SignInActivity signIns, OfferingClients clients, JdbcTemplate jdbc,
			@Value("${commonscloud.metering.zone:UTC}") String zone,
			@Value("${commonscloud.metering.rollup.days-back:3}") int daysBack) {
		this.signIns = signIns;
		this.clients = clients;
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
		this.daysBack = daysBack;
	}

	ZoneId zone() {
		return zone;
	}

	@Scheduled(cron = "${commonscloud.metering.rollup.cron:0 30 1 * * *}", zone = "${commonscloud.metering.zone:UTC}")
	void daily() {
		LocalDate yesterday = LocalDate.now(zone).minusDays(1);
		int added = rollUp(yesterday.minusDays(daysBack - 1L), yesterday);
		log.info("metering: {} active days added for {} days up to {}", added, daysBack, yesterday);
	}

	/** Rolls up the days {@code from} to {@code to} inclusive; answers how many new active days it added. */
	@Transactional
	int rollUp(LocalDate from, LocalDate to) {
		Map<String, UUID> offerings = clients.offeringsByClient();
		List<Object[]> batch = new ArrayList<>(BATCH);
		int[] added = {0};
		signIns.forEachActiveDay(from, to, zone, active -> {
			UUID offering = offerings.get(active.clientId());
			if (offering == null) {
				return; // a client that no offering counts (the region's own tools, an unlinked service)
			}
			batch.add(new Object[] {active.accountId(), offering, Date.valueOf(active.day())});
			if (batch.size() == BATCH) {
				added[0] += flush(batch);
			}
		});
		added[0] += flush(batch);
		return added[0];
	}

	private int flush(List<Object[]> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		int[][] counts = jdbc.batchUpdate("insert into usage_day (person, offering, day, active, units) values (?, ?, ?, true, 0) "
				+ "on conflict (person, offering, day) where active do nothing", batch, batch.size(),
				(statement, row) -> {
					statement.setObject(1, row[0]);
					statement.setObject(2, row[1]);
					statement.setDate(3, (Date) row[2]);
				});
		batch.clear();
		int sum = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				sum += Math.max(count, 0);
			}
		}
		return sum;
	}
}
