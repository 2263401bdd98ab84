package coop.commonscloud.identity.internal.provider;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets, at this site, what can no longer be used. Every client-credentials grant makes an authorization row, and
 * every grant remembers its access token's hash in {@code issued_token}; without this both would grow for ever.
 *
 * <ul>
 * <li>An authorization whose every code and token expired over an hour ago goes, with the hashes of the tokens it
 * issued (a refresh token of it presented later is unknown, so refused as any invalid refresh token is). Rows with no
 * expiry at all (an authorization request waiting for consent) stay.
 * <li>An access token's hash goes an hour after issue unless the token is still its family's current one and has
 * not expired: a replaced access token is no longer found through its row anyway.
 * <li>A revocation goes once no access token it names can still be valid ({@link RevokedTokens}).
 * </ul>
 */
@Component
@RequiredArgsConstructor
class ExpiredAuthorizations {

	private static final Logger log = LoggerFactory.getLogger(ExpiredAuthorizations.class);

	private final AuthorizationStore store;

	@Scheduled(initialDelayString = "${commonscloud.identity.expired-authorizations.interval:PT10M}",
			fixedDelayString = "${commonscloud.identity.expired-authorizations.interval:PT10M}")
	void forget() {
		int authorizations = forgetAuthorizations();
		int accessTokens = forgetAccessTokens();
		store.forgetLapsedRevocations();
		if (authorizations + accessTokens > 0) {
			log.info("Forgot {} expired authorizations and {} replaced or expired access tokens", authorizations,
					accessTokens);
		}
	}

	/** Authorizations with nothing left unexpired for an hour, and their issued tokens' hashes; answers how many. */
	int forgetAuthorizations() {
		return store.forgetExpiredAuthorizations();
	}

	/** Hashes of access tokens issued over an hour ago that are no longer current or valid; answers how many. */
	int forgetAccessTokens() {
		return store.forgetStaleAccessTokens();
	}
}
