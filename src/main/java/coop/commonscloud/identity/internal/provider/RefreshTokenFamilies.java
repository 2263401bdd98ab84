package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.internal.provider.JdbcAuthorizations.CurrentFamily;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEventRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;

/**
 * Refresh-token rotation with reuse detection. Every authorization is one family: each refresh
 * replaces its refresh token (Spring Authorization Server with {@code reuseRefreshTokens=false}),
 * and every refresh and ID token ever issued is remembered by its SHA-256 (access tokens too: it is how they are found,
 * see {@link JdbcAuthorizations#findByToken}). A refresh token that is no longer the
 * family's current one but was issued in it means the family leaked: the whole family is revoked,
 * including the newest refresh token and the access tokens, and the error says so.
 */
@RequiredArgsConstructor
public class RefreshTokenFamilies implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenFamilies.class);

	private final JdbcAuthorizations delegate;
	private final AuthorizationStore store;
	private final RevokedTokens revoked;

	/** The family in which a refresh token is current, for {@link RefreshGrants}: see {@link JdbcAuthorizations#currentFamily}. */
	CurrentFamily currentFamily(String refreshToken) {
		return delegate.currentFamily(refreshToken);
	}

	/** A refresh grant's rotation, for {@link RefreshGrants}: see {@link JdbcAuthorizations#rotate}. */
	boolean rotate(OAuth2Authorization rotated, String presented, SignInEventRow event, boolean recheck) {
		return delegate.rotate(rotated, presented, event, recheck);
	}

	/**
	 * Saves the authorization, and remembers the hashes of its tokens in the same statement (see
	 * {@link JdbcAuthorizations}). A token saved as invalidated was revoked ({@code /oauth2/revoke}, or a code used
	 * twice): the API refuses it from now on, and every access token of the family with a revoked refresh token.
	 */
	@Override
	public void save(OAuth2Authorization authorization) {
		revoked.invalidatedIn(authorization);
		delegate.save(authorization);
	}

	private String familyOf(String token, String kind) {
		return store.familyOf(hash(token), kind).orElse(null);
	}

	/** Removes the family: the API refuses its access tokens from now on. */
	@Override
	public void remove(OAuth2Authorization authorization) {
		revoked.family(authorization.getId());
		delegate.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		OAuth2Authorization found = delegate.findByToken(token, tokenType);
		if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
			refuseReuse(token);
		}
		if (found == null && tokenType != null && OidcParameterNames.ID_TOKEN.equals(tokenType.getValue())) {
			// a service may hint logout with the family's first ID token after refreshes replaced it
			String family = familyOf(token, "ID");
			return family == null ? null : delegate.findById(family);
		}
		return found;
	}

	private void refuseReuse(String token) {
		String family = familyOf(token, "REFRESH");
		if (family == null) {
			return;
		}
		OAuth2Authorization authorization = delegate.findById(family);
		if (authorization == null) {
			throw refused("This refresh token was revoked (it was revoked by its service, its account was suspended, "
					+ "or its family was revoked after a reuse): sign in again");
		}
		remove(authorization);
		store.recordReuseRevocation(family, authorization.getPrincipalName(), authorization.getRegisteredClientId());
		log.warn("Refresh token reuse in family {} of client {}: the family is revoked", family,
				authorization.getRegisteredClientId());
		throw refused("This refresh token was already used and has been replaced; presenting it again revokes its "
				+ "whole family, so every token from this sign-in is now invalid: sign in again");
	}

	private static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
