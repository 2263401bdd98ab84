package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Account;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Revokes what the provider issued to a person, at this site: codes, access and refresh tokens. The API refuses the
 * account's access tokens issued until now at once ({@link RevokedTokens}), and every service that signed the person
 * in and takes back-channel logouts is told ({@link BackChannelLogout}).
 */
@Component
@RequiredArgsConstructor
public class IssuedTokens {

	private final AuthorizationStore store;
	private final RevokedTokens revoked;
	private final BackChannelLogout backChannel;

	public int revokeAllOf(Account account) {
		revoked.account(account.id().toString());
		backChannel.signedOutEverywhere(account.username());
		return store.revokeAllOf(account.username());
	}
}
