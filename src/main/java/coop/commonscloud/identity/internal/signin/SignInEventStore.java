package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.SignInActivity;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only {@code sign_in_event} table: writing events, the recent failures throttling reads, and the
 * active days metering streams.
 */
@Repository
@RequiredArgsConstructor
class SignInEventStore {

	/** The columns of an event, in the order of {@link SignInEvents.SignInEventRow#parameters}. */
	private static final String COLUMNS = "occurred_at, site, kind, account_id, username, client_id, succeeded, reason, source";

	private static final int FETCH_SIZE = 5_000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	void insert(SignInEvents.SignInEventRow row) {
		jdbc.sql("insert into sign_in_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(row.parameters())
				.update();
	}

	/**
	 * An insert of one event per row of {@code rows} (a name in a {@code WITH} query), for a statement that records
	 * the event together with what it records, in one round trip: bind a row's {@code parameters()} to its placeholders.
	 */
	static String insertFrom(String rows) {
		return "insert into sign_in_event (" + COLUMNS + ") select ?::timestamptz, ?::text, ?::text, ?::uuid, ?::text, "
				+ "?::text, ?::boolean, ?::text, ?::text from " + rows;
	}

	/** Failures for {@code reason} of a username since {@code since} and since its last success, oldest first. */
	List<Instant> accountFailures(String username, String reason, Instant since) {
		return jdbc.sql("""
				select occurred_at from sign_in_event
				where username is not null and lower(username) = lower(:username) and not succeeded
				  and reason = :reason and occurred_at > :since
				  and occurred_at > coalesce((select max(occurred_at) from sign_in_event
				                              where username is not null and lower(username) = lower(:username)
				                                and succeeded), '-infinity')
				order by occurred_at""")
				.param("username", username).param("reason", reason).param("since", Timestamp.from(since))
				.query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
	}

	/** Failures for {@code reason} from a network address since {@code since}, oldest first. */
	List<Instant> sourceFailures(String source, String reason, Instant since) {
		return jdbc.sql("""
				select occurred_at from sign_in_event
				where source = :source and not succeeded and reason = :reason and occurred_at > :since
				order by occurred_at""")
				.param("source", source).param("reason", reason).param("since", Timestamp.from(since))
				.query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
	}

	/**
	 * Every (account, client, day) with a successful sign-in from {@code start} (inclusive) to {@code end}, days
	 * counted in {@code zone}, in order. One query, streamed: the database does the distinct, memory stays flat;
	 * call it inside a transaction, as PostgreSQL streams with a fetch size only there.
	 */
	void forEachActiveDay(Instant start, Instant end, ZoneId zone, Consumer<SignInActivity.ActiveDay> sink) {
		template.query(connection -> {
			var statement = connection.prepareStatement("""
					select distinct account_id, client_id, (occurred_at at time zone ?)::date as day from sign_in_event
					where succeeded and client_id is not null and account_id is not null
					  and occurred_at >= ? and occurred_at < ?
					order by day, account_id, client_id""");
			statement.setFetchSize(FETCH_SIZE);
			statement.setString(1, zone.getId());
			statement.setTimestamp(2, Timestamp.from(start));
			statement.setTimestamp(3, Timestamp.from(end));
			return statement;
		}, row -> {
			sink.accept(new SignInActivity.ActiveDay(row.getObject(1, UUID.class), row.getString(2),
					row.getObject(3, LocalDate.class)));
		});
	}
}
