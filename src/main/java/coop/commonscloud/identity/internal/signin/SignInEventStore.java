package coop.commonscloud.identity.internal.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the append-only {@code sign_in_event} table that throttling needs: recent failures since a time. */
@Repository
@RequiredArgsConstructor
class SignInEventStore {

	private final JdbcClient jdbc;

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
}
