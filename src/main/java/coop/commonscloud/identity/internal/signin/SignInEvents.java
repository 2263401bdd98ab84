package coop.commonscloud.identity.internal.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins and token grants at this site, successful or not, in the append-only
 * {@code sign_in_event} table: the audit trail, and what metering counts active days from.
 */
@Component
public class SignInEvents {

	public enum Kind {
		PASSWORD, CODE_EXCHANGE, REFRESH
	}

	public record SignInEvent(Kind kind, UUID accountId, String username, String clientId, boolean succeeded, String reason,
			String source) {
	}

	/**
	 * One row of {@code sign_in_event} as it is written: an event at this site, at a time. {@link #parameters} are
	 * its values in the order of the table's columns, as {@link #insertFrom}'s placeholders take them.
	 */
	public record SignInEventRow(Timestamp occurredAt, String site, Kind kind, UUID accountId, String username,
			String clientId, boolean succeeded, String reason, String source) {

		public List<Object> parameters() {
			return Arrays.asList(occurredAt, site, kind.name(), accountId, username, clientId, succeeded, reason, source);
		}
	}

	private final SignInEventStore store;
	private final String site;

	private final Clock clock;

	SignInEvents(SignInEventStore store, @Value("${commonscloud.site.name:core}") String site, ObjectProvider<Clock> clock) {
		this.store = store;
		this.site = site;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public void record(SignInEvent event) {
		store.insert(values(event));
	}

	/**
	 * An insert of one event per row of {@code rows} (a name in a {@code WITH} query), for a statement that records
	 * the event together with what it records, in one round trip: bind {@link #values} to its placeholders.
	 */
	public static String insertFrom(String rows) {
		return SignInEventStore.insertFrom(rows);
	}

	/**
	 * The quarter-hour (of the epoch, UTC) an instant falls in. Every time zone in use today is offset from UTC by a
	 * whole number of quarter-hours, so two instants in one quarter-hour fall on the same local day in every zone:
	 * one event a quarter-hour tells metering every day a service was used, wherever its days are counted.
	 */
	static long quarterHour(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), 15 * 60);
	}

	/** The quarter-hour it is now, by this site's clock. */
	public long quarterHourNow() {
		return quarterHour(clock.instant());
	}

	/** The values of an event at this site, now, in the order of {@link #insertFrom}'s placeholders. */
	public SignInEventRow values(SignInEvent event) {
		return new SignInEventRow(Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), site, event.kind(),
				event.accountId(), truncate(event.username()), event.clientId(), event.succeeded(), truncate(event.reason()),
				event.source());
	}

	private static String truncate(String text) {
		return text == null || text.length() <= 200 ? text : text.substring(0, 200);
	}
}
