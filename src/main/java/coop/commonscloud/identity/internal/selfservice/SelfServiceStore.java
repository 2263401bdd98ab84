package coop.commonscloud.identity.internal.selfservice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one-time links and codes of self-service: password resets, address verifications and invite codes.
 * Only hashes are stored; the tokens themselves exist only in the mails, and a code only in what its steward shows.
 */
@Repository
@RequiredArgsConstructor
class SelfServiceStore {

	/** An address verification as stored: for whom, which address, until when, and whether it was used. */
	record PendingVerification(UUID accountId, String email, Instant expiresAt, boolean used) {
	}

	private final JdbcClient jdbc;

	int resetsInLastHour(UUID account) {
		return jdbc.sql("""
				select count(*) from password_reset
				where account_id = :id and created_at > now() - interval '1 hour'""")
				.param("id", account).query(Integer.class).single();
	}

	void insertReset(byte[] tokenHash, UUID account, Instant expiresAt) {
		jdbc.sql("insert into password_reset (token_hash, account_id, expires_at) values (:hash, :id, :expires)")
				.param("hash", tokenHash).param("id", account).param("expires", Timestamp.from(expiresAt)).update();
	}

	/** The account an unused, unexpired reset link is for. */
	Optional<UUID> pendingReset(byte[] tokenHash) {
		return jdbc.sql("""
				select account_id from password_reset
				where token_hash = :hash and used_at is null and expires_at > now()""")
				.param("hash", tokenHash).query(UUID.class).optional();
	}

	/** Uses up every open reset link of the account, not only the one followed. */
	void useResets(UUID account) {
		jdbc.sql("update password_reset set used_at = now() where account_id = :id and used_at is null")
				.param("id", account).update();
	}

	void insertVerification(byte[] tokenHash, UUID account, String email, Instant expiresAt) {
		jdbc.sql("""
				insert into email_verification (token_hash, account_id, email, expires_at)
				values (:hash, :account, :email, :expires)""")
				.param("hash", tokenHash).param("account", account).param("email", email)
				.param("expires", Timestamp.from(expiresAt)).update();
	}

	/** The verification a link is for, locked until the transaction ends. */
	Optional<PendingVerification> lockVerification(byte[] tokenHash) {
		return jdbc.sql("""
				select account_id, email, expires_at, used_at from email_verification
				where token_hash = :hash for update""")
				.param("hash", tokenHash)
				.query((rs, n) -> new PendingVerification(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) != null))
				.optional();
	}

	void useVerification(byte[] tokenHash) {
		jdbc.sql("update email_verification set used_at = now() where token_hash = :hash").param("hash", tokenHash).update();
	}

	void insertInvite(byte[] codeHash, String createdBy, String note, Instant expiresAt) {
		jdbc.sql("insert into invite_code (code_hash, created_by, note, expires_at) values (:hash, :by, :note, :expires)")
				.param("hash", codeHash).param("by", createdBy).param("note", note).param("expires", Timestamp.from(expiresAt))
				.update();
	}

	/** Uses an unused, unexpired invite code for the account; whether there was one. */
	boolean redeemInvite(byte[] codeHash, UUID account) {
		return jdbc.sql("""
				update invite_code set used_by = :account, used_at = now()
				where code_hash = :hash and used_at is null and expires_at > now()""")
				.param("account", account).param("hash", codeHash).update() == 1;
	}
}
