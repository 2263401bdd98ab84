package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Account;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * What one token request has learnt about its grant, handed between the classes that serve it, one instance a request.
 * How it flows:
 * <ol>
 * <li>{@link RefreshGrants}, when it serves a refresh grant, hands over the account it read with the family
 * ({@link #known}), so that the token claims need not look it up again;</li>
 * <li>{@link TokenClaims}, shaping the tokens, uses that account (else looks it up once and hands it over itself),
 * so the ID token and the access token of one request read the account once;</li>
 * <li>{@link RefreshGrants} marks the grant's sign-in event {@link #recorded} when it wrote it with the rotation;</li>
 * <li>{@link TokenGrantEvents}, answering, records the event unless it was, naming the {@link #accountId}.</li>
 * </ol>
 */
@Component
@RequestScope
class GrantContext {

	private Account account;
	private boolean recorded;

	/** The account the grant belongs to, already read with the grant. */
	void known(Account account) {
		if (account != null) {
			this.account = account;
		}
	}

	/** The account handed over for this username, or null when none was. */
	Account known(String username) {
		return account != null && account.username().equals(username) ? account : null;
	}

	/** The account the grant was issued to, or null when no token was shaped for a person. */
	UUID accountId() {
		return account == null ? null : account.id();
	}

	/** Tells that the grant's sign-in event was written with the grant itself. */
	void recorded() {
		recorded = true;
	}

	boolean isRecorded() {
		return recorded;
	}
}
