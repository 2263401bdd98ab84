package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.internal.provider.ConnectedServices.ConnectedService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The provider's SQL over authorizations, beside {@link JdbcAuthorizations} (the authorization service Spring
 * Authorization Server calls, whose statements are tuned for the refresh path and stay there): which services a
 * person uses, revoking them, families of refresh tokens, and forgetting what has expired.
 */
@Repository
@RequiredArgsConstructor
class AuthorizationStore {

	private final JdbcClient jdbc;

	/** The services a person signed in to with the authorization-code flow, most recently used first. */
	List<ConnectedService> connectedServices(String username) {
		return jdbc.sql("""
				select c.client_id, c.client_name, count(*) as sign_ins,
				       max(coalesce(a.access_token_issued_at, a.authorization_code_issued_at)) as last_used
				from oauth2_authorization a join oauth2_registered_client c on c.id = a.registered_client_id
				where a.principal_name = :name and a.authorization_grant_type = 'authorization_code'
				group by c.client_id, c.client_name order by last_used desc nulls last""")
				.param("name", username)
				.query((rs, n) -> new ConnectedService(rs.getString(1), rs.getString(2), rs.getInt(3),
						rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
				.list();
	}

	Optional<String> registeredIdOf(String clientId) {
		return jdbc.sql("select id from oauth2_registered_client where client_id = :clientId").param("clientId", clientId)
				.query(String.class).optional();
	}

	/** Forgets the person's consent to the client and deletes its authorizations for them; answers their ids. */
	List<String> revoke(String registeredId, String username) {
		jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = :id and principal_name = :name")
				.param("id", registeredId).param("name", username).update();
		return jdbc.sql("delete from oauth2_authorization where registered_client_id = :id and principal_name = :name "
						+ "returning id")
				.param("id", registeredId).param("name", username).query(String.class).list();
	}

	/** Deletes every authorization of the person at this site: codes, access and refresh tokens; answers how many. */
	int revokeAllOf(String username) {
		return jdbc.sql("delete from oauth2_authorization where principal_name = :name").param("name", username).update();
	}

	/** The authorization (family) that issued a token of this kind with this hash, current or rotated out. */
	Optional<String> familyOf(byte[] tokenHash, String kind) {
		return jdbc.sql("select authorization_id from issued_token where token_hash = :hash and kind = :kind")
				.param("hash", tokenHash).param("kind", kind).query(String.class).optional();
	}

	void recordReuseRevocation(String family, String principal, String registeredClientId) {
		jdbc.sql("""
				insert into refresh_token_family_revoked (authorization_id, principal_name, client_id, reason)
				values (:family, :principal, :client, 'a rotated-out refresh token was presented again')
				on conflict do nothing""")
				.param("family", family).param("principal", principal).param("client", registeredClientId).update();
	}

	/**
	 * Records that the API is to refuse what {@code kind} and {@code subject} name (see {@link RevokedTokens}) until
	 * {@code forgetAfter}, in the caller's transaction. Recorded again, an account's cutoff and a row's lifetime only
	 * move later, and the row counts as new to the other processes' next read.
	 */
	void recordRevocation(RevokedTokens.Kind kind, String subject, Instant revokedAt, Instant forgetAfter) {
		jdbc.sql("""
				insert into token_revocation (kind, subject, revoked_at, forget_after)
				values (:kind, :subject, :revokedAt, :forgetAfter)
				on conflict (kind, subject) do update
				set revoked_at = greatest(token_revocation.revoked_at, excluded.revoked_at),
				    forget_after = greatest(token_revocation.forget_after, excluded.forget_after),
				    recorded_in = pg_current_xact_id()""")
				.param("kind", kind.name()).param("subject", subject)
				.param("revokedAt", Timestamp.from(revokedAt)).param("forgetAfter", Timestamp.from(forgetAfter)).update();
	}

	/** The revocations still to be kept, among those the snapshot {@code since} (an xmin) did not see yet; never empty. */
	record RevocationsRead(String snapshotXmin, List<RevokedTokens.Revocation> revocations) {
	}

	/**
	 * Every revocation still to be kept that a reader whose previous read had snapshot xmin {@code since} may not
	 * have seen ({@code "0"}: every one), and this read's own snapshot xmin for the next: a row this read cannot see
	 * was written by a transaction at or after that xmin, so the next read finds it. One round trip.
	 */
	RevocationsRead revocationsSince(String since) {
		List<String> xmin = new ArrayList<>(1);
		List<RevokedTokens.Revocation> read = jdbc.sql("""
				with snapshot as (select pg_snapshot_xmin(pg_current_snapshot())::text as xmin)
				select s.xmin, r.kind, r.subject, r.revoked_at, r.forget_after
				from snapshot s left join token_revocation r
				  on r.recorded_in >= cast(:since as xid8) and r.forget_after > now()""")
				.param("since", since)
				.query((rs, n) -> {
					if (n == 0) {
						xmin.add(rs.getString(1));
					}
					return rs.getString(2) == null ? null : new RevokedTokens.Revocation(
							RevokedTokens.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(),
							rs.getTimestamp(5).toInstant());
				})
				.list();
		return new RevocationsRead(xmin.get(0), read.stream().filter(Objects::nonNull).toList());
	}

	/** Revocations that nothing unexpired can need any more; answers how many. */
	int forgetLapsedRevocations() {
		return jdbc.sql("delete from token_revocation where forget_after < now()").update();
	}

	/** Authorizations with nothing left unexpired for an hour, and their issued tokens' hashes; answers how many. */
	int forgetExpiredAuthorizations() {
		return jdbc.sql("""
				with expired as (
				  delete from oauth2_authorization
				  where greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
				                 user_code_expires_at, device_code_expires_at) < now() - interval '1 hour'
				  returning id),
				hashes as (delete from issued_token where authorization_id in (select id from expired))
				select count(*) from expired""").query(Integer.class).single();
	}

	/** Hashes of access tokens issued over an hour ago that are no longer current or valid; answers how many. */
	int forgetStaleAccessTokens() {
		return jdbc.sql("""
				delete from issued_token t
				where t.kind = 'ACCESS' and t.issued_at < now() - interval '1 hour'
				  and not exists (select 1 from oauth2_authorization a
				                  where a.id = t.authorization_id and a.access_token_expires_at > now()
				                    and sha256(convert_to(a.access_token_value, 'UTF8')) = t.token_hash)""").update();
	}
}
