package coop.commonscloud.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins and token grants at this site, successful or not, in the append-only
 * {@code sign_in_event} table: the audit trail, and what metering counts active days from.
 */
@Component
class SignInEvents {

	enum Kind {
		PASSWORD, CODE_EXCHANGE, REFRESH
	}

	record SignInEvent(Kind kind, UUID accountId, String username, String clientId, boolean succeeded, String reason,
			String source) {
	}

	private final JdbcClient jdbc;
	private final String site;

	private final Clock clock;

	SignInEvents(JdbcClient jdbc, @Value("${commonscloud.site.name:core}") String site, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.site = site;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	void record(SignInEvent event) {
		jdbc.sql("insert into sign_in_event (occurred_at, site, kind, account_id, username, client_id, succeeded, reason, source) "
				+ "values (:at, :site, :kind, :account, :username, :client, :succeeded, :reason, :source)")
				.param("at", Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)))
				.param("site", site)
				.param("kind", event.kind().name())
				.param("account", event.accountId())
				.param("username", truncate(event.username()))
				.param("client", event.clientId())
				.param("succeeded", event.succeeded())
				.param("reason", truncate(event.reason()))
				.param("source", event.source())
				.update();
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 200 ? text : text.substring(0, 200);
	}
}
