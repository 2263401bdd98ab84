package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Account;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Revokes what the provider issued to a person, at this site: codes, access and refresh tokens. The API refuses the
 * account's access tokens issued until now at once ({@link RevokedTokens}).
 */
@Component
@RequiredArgsConstructor
public class IssuedTokens {

	private final AuthorizationStore store;
	private final RevokedTokens revoked;

	public int revokeAllOf(Account account) {
		revoked.account(account.id().toString());
		return store.revokeAllOf(account.username());
	}
}
