package coop.commonscloud.identity.internal.provider;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The back-channel logout outbox ({@code backchannel_logout}) and the ID tokens it is filled from. */
@Repository
@RequiredArgsConstructor
class BackChannelLogoutStore {

	/** An authorization's client and its current ID token (a JWT this provider signed). */
	record IdTokenRow(String registeredClientId, String idToken) {
	}

	/** A logout claimed for delivery: its id is the logout token's jti. */
	record Due(UUID id, String clientId, String logoutUri, String subject, String sessionId, Instant requestedAt,
			int attempts) {
	}

	private final JdbcClient jdbc;

	/** The person's authorizations that hold an ID token, of one client or ({@code null}) of all. */
	List<IdTokenRow> sessionsOf(String username, String registeredClientId) {
		return jdbc.sql("""
				select registered_client_id, oidc_id_token_value from oauth2_authorization
				where principal_name = :name and oidc_id_token_value is not null
				  and (cast(:client as text) is null or registered_client_id = :client)""")
				.param("name", username).param("client", registeredClientId)
				.query((rs, n) -> new IdTokenRow(rs.getString(1), rs.getString(2)))
				.list();
	}

	void append(UUID id, String registeredClientId, String clientId, String logoutUri, String subject, String sessionId,
			Instant at) {
		jdbc.sql("""
				insert into backchannel_logout (id, registered_client_id, client_id, logout_uri, subject, session_id,
				                                requested_at, next_attempt_at)
				values (:id, :registered, :client, :uri, :subject, :sid, :at, :at)""")
				.param("id", id).param("registered", registeredClientId).param("client", clientId).param("uri", logoutUri)
				.param("subject", subject).param("sid", sessionId).param("at", Timestamp.from(at)).update();
	}

	/**
	 * Claims up to {@code limit} logouts due at {@code now}, counting the attempt and leasing each until
	 * {@code leasedUntil}, so that no other worker takes it meanwhile and one that was in flight when its process
	 * stopped is tried again after the lease.
	 */
	List<Due> claimDue(Instant now, Instant leasedUntil, int limit) {
		return jdbc.sql("""
				update backchannel_logout set attempts = attempts + 1, next_attempt_at = :lease
				where id in (select id from backchannel_logout
				             where delivered_at is null and given_up_at is null and next_attempt_at <= :now
				             order by next_attempt_at limit :limit for update skip locked)
				returning id, client_id, logout_uri, subject, session_id, requested_at, attempts""")
				.param("now", Timestamp.from(now)).param("lease", Timestamp.from(leasedUntil)).param("limit", limit)
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7)))
				.list();
	}

	void delivered(UUID id, Instant at, String outcome) {
		jdbc.sql("update backchannel_logout set delivered_at = :at, last_outcome = :outcome where id = :id")
				.param("at", Timestamp.from(at)).param("outcome", outcome).param("id", id).update();
	}

	void retryAt(UUID id, Instant next, String outcome) {
		jdbc.sql("update backchannel_logout set next_attempt_at = :next, last_outcome = :outcome where id = :id")
				.param("next", Timestamp.from(next)).param("outcome", outcome).param("id", id).update();
	}

	void gaveUp(UUID id, Instant at, String outcome) {
		jdbc.sql("update backchannel_logout set given_up_at = :at, last_outcome = :outcome where id = :id")
				.param("at", Timestamp.from(at)).param("outcome", outcome).param("id", id).update();
	}

	/** Forgets logouts delivered or given up on before {@code before}; answers how many. */
	int forgetSettled(Instant before) {
		return jdbc.sql("""
				delete from backchannel_logout
				where coalesce(delivered_at, given_up_at) < :before""")
				.param("before", Timestamp.from(before)).update();
	}
}
