package coop.commonscloud.identity.internal.provider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs each token request in one database transaction instead of a commit per statement (a code
 * exchange makes about ten), and holds the answer back until the transaction has committed, so a
 * service never holds tokens the database does not.
 *
 * <p>Not a refresh grant without a DPoP proof: {@link RefreshGrants} reads, then writes in one statement that
 * commits on its own before the answer is written, so a transaction around it would cost a round trip and change
 * nothing. (A refresh grant it hands to Spring Authorization Server's own provider then runs as that provider
 * does by default, a commit per statement.)
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2)
@RequiredArgsConstructor
class TokenGrantTransactions extends OncePerRequestFilter {

	private final TransactionTemplate transactions;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && "/oauth2/token".equals(request.getServletPath()))
				|| ("refresh_token".equals(request.getParameter("grant_type")) && request.getHeader("DPoP") == null);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		try {
			transactions.executeWithoutResult(status -> {
				try {
					chain.doFilter(request, held);
				} catch (IOException | ServletException e) {
					throw new IllegalStateException(e);
				}
			});
		} catch (IllegalStateException e) {
			if (e.getCause() instanceof IOException io) {
				throw io;
			}
			if (e.getCause() instanceof ServletException servlet) {
				throw servlet;
			}
			throw e;
		}
		held.copyBodyToResponse();
	}
}
