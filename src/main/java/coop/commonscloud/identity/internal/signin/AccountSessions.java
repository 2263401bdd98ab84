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

	private final SessionStore store;

	void signedIn(UUID account, HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		store.insert(UUID.randomUUID(), account, RefreshTokenFamilies.hash(request.getSession().getId()),
				agent == null ? null : agent.substring(0, Math.min(agent.length(), 300)), request.getRemoteAddr());
	}

	public List<AccountSession> of(UUID account, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return store.open(account, session == null ? new byte[0] : RefreshTokenFamilies.hash(session.getId()));
	}

	public void end(UUID account, UUID session) {
		store.end(account, session);
	}

	/** Ends every browser session of the account: its browsers are signed out at their next request. */
	public void endAllOf(UUID account) {
		store.endAllOf(account);
	}

	public void ended(HttpSession session) {
		if (session != null) {
			store.endByHash(RefreshTokenFamilies.hash(session.getId()));
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
		return store.ended(RefreshTokenFamilies.hash(session.getId()));
	}
}
