package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.SignInActivity;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One SQL query over {@code sign_in_event}, streamed: the database does the distinct, memory stays flat. */
@Component
@RequiredArgsConstructor
class SignInActivityQueries implements SignInActivity {

	private static final int FETCH_SIZE = 5_000;

	private final JdbcTemplate jdbc;

	@Override
	@Transactional(readOnly = true) // PostgreSQL streams with a fetch size only inside a transaction
	public void forEachActiveDay(LocalDate from, LocalDate to, ZoneId zone, Consumer<ActiveDay> sink) {
		if (to.isBefore(from)) {
			return;
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		jdbc.query(connection -> {
			var statement = connection.prepareStatement("select distinct account_id, client_id, "
					+ "(occurred_at at time zone ?)::date as day from sign_in_event "
					+ "where succeeded and client_id is not null and account_id is not null "
					+ "and occurred_at >= ? and occurred_at < ? order by day, account_id, client_id");
			statement.setFetchSize(FETCH_SIZE);
			statement.setString(1, zone.getId());
			statement.setTimestamp(2, start);
			statement.setTimestamp(3, end);
			return statement;
		}, row -> {
			sink.accept(new ActiveDay(row.getObject(1, UUID.class), row.getString(2), row.getObject(3, LocalDate.class)));
		});
	}

	@Override
	public Optional<ClientOwner> ownerOf(String clientId) {
		return jdbc.query("select c.client_id, o.partner_id from oauth2_registered_client c "
				+ "left join client_owner o on o.registered_client_id = c.id where c.client_id = ?",
				(row, n) -> new ClientOwner(row.getString(1), row.getObject(2, UUID.class)), clientId)
				.stream().findFirst();
	}
}
