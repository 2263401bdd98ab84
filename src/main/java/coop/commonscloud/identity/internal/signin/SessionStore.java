package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.signin.AccountSessions.AccountSession;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The browser sessions of accounts at this site, by a hash of the session id (the id itself is never stored). */
@Repository
@RequiredArgsConstructor
class SessionStore {

	private final JdbcClient jdbc;

	void insert(UUID id, UUID account, byte[] sessionHash, String userAgent, String source) {
		jdbc.sql("""
				insert into account_session (id, account_id, session_hash, user_agent, source)
				values (:id, :account, :hash, :agent, :source) on conflict (session_hash) do nothing""")
				.param("id", id).param("account", account).param("hash", sessionHash).param("agent", userAgent)
				.param("source", source).update();
	}

	/** The account's open sessions, newest first, marking the one whose hash is {@code current}. */
	List<AccountSession> open(UUID account, byte[] current) {
		return jdbc.sql("""
				select id, user_agent, source, signed_in_at, session_hash = :current from account_session
				where account_id = :account and ended_at is null order by signed_in_at desc""")
				.param("current", current).param("account", account)
				.query((rs, n) -> new AccountSession(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
				.list();
	}

	void end(UUID account, UUID session) {
		jdbc.sql("update account_session set ended_at = now() where id = :id and account_id = :account and ended_at is null")
				.param("id", session).param("account", account).update();
	}

	void endAllOf(UUID account) {
		jdbc.sql("update account_session set ended_at = now() where account_id = :account and ended_at is null")
				.param("account", account).update();
	}

	void endByHash(byte[] sessionHash) {
		jdbc.sql("update account_session set ended_at = now() where session_hash = :hash and ended_at is null")
				.param("hash", sessionHash).update();
	}

	boolean ended(byte[] sessionHash) {
		return jdbc.sql("select count(*) from account_session where session_hash = :hash and ended_at is not null")
				.param("hash", sessionHash).query(Long.class).single() > 0;
	}
}
