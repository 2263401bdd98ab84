package coop.commonscloud.identity.internal.signin;

import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser sessions a person signed in with at this site: recorded at sign-in, listed on the
 * account page, ended from there (or by signing out). A request on an ended session finds it
 * invalidated, so that browser is signed out at its next click.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
@RequiredArgsConstructor
public class AccountSessions extends OncePerRequestFilter {

	record AccountSession(UUID id, String userAgent, String source, Instant signedInAt, boolean current) {
	}

	private final JdbcClient jdbc;

	void signedIn(UUID account, HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		jdbc.sql("insert into account_session (id, account_id, session_hash, user_agent, source) "
				+ "values (:id, :account, :hash, :agent, :source) on conflict (session_hash) do nothing")
				.param("id", UUID.randomUUID()).param("account", account)
				.param("hash", RefreshTokenFamilies.hash(request.getSession().getId()))
				.param("agent", agent == null ? null : agent.substring(0, Math.min(agent.length(), 300)))
				.param("source", request.getRemoteAddr()).update();
	}

	public List<AccountSession> of(UUID account, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		byte[] current = session == null ? new byte[0] : RefreshTokenFamilies.hash(session.getId());
		return jdbc.sql("select id, user_agent, source, signed_in_at, session_hash = :current from account_session "
				+ "where account_id = :account and ended_at is null order by signed_in_at desc")
				.param("current", current).param("account", account)
				.query((rs, n) -> new AccountSession(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
				.list();
	}

	public void end(UUID account, UUID session) {
		jdbc.sql("update account_session set ended_at = now() where id = :id and account_id = :account and ended_at is null")
				.param("id", session).param("account", account).update();
	}

	/** Ends every browser session of the account: its browsers are signed out at their next request. */
	public void endAllOf(UUID account) {
		jdbc.sql("update account_session set ended_at = now() where account_id = :account and ended_at is null")
				.param("account", account).update();
	}

	public void ended(HttpSession session) {
		if (session != null) {
			jdbc.sql("update account_session set ended_at = now() where session_hash = :hash and ended_at is null")
					.param("hash", RefreshTokenFamilies.hash(session.getId())).update();
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && endedElsewhere(session)) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

	private boolean endedElsewhere(HttpSession session) {
		return jdbc.sql("select count(*) from account_session where session_hash = :hash and ended_at is not null")
				.param("hash", RefreshTokenFamilies.hash(session.getId())).query(Long.class).single() > 0;
	}
}
