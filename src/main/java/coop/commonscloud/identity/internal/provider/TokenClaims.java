package coop.commonscloud.identity.internal.provider;

import com.nimbusds.jwt.SignedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import coop.commonscloud.identity.Account;
import coop.commonscloud.identity.Role;
import coop.commonscloud.identity.internal.keys.SigningKeys;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes every JWT the provider signs: ES256 under this site's current key id; for a person's
 * grants the subject is the account id and the ID token carries the scoped claims. A suspended or
 * deleted account gets no token, whatever code or refresh token it presents. A person's access token from a client
 * a partner runs loses the {@code api} scope unless the account's powers stay within that partner's (a steward
 * signing in through a partner's service gets no steward powers on the API).
 */
@Component
@RequiredArgsConstructor
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;
	private final AccountClaims claims;
	private final ClientStore owners;
	private final GrantContext grant;

	/** A client's owner never changes once registered, so it is read once per client, not once per token. */
	private final Cache<String, Optional<UUID>> partnerOfClient = Caffeine.newBuilder()
			.maximumSize(10_000).executor(Runnable::run).build();

	/** One lookup per token request, though the access token and the ID token both need the account. */
	private Account accountOf(String username) {
		Account known = grant.known(username);
		if (known != null) {
			return claims.requireActive(known, OAuth2ErrorCodes.INVALID_GRANT);
		}
		Account account = claims.activeAccount(username, OAuth2ErrorCodes.INVALID_GRANT);
		grant.known(account);
		return account;
	}

	/** Between the family and the random part of a person's access token's {@code jti}. */
	private static final char FAMILY_SEPARATOR = '.';

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A person's access token's {@code jti}: its family's id and 96 random bits, so that the token is found through its
	 * family's primary key ({@link JdbcAuthorizations#findByToken}), with no hash of it stored. The id names an
	 * authorization, which no endpoint takes as input; the full token is still compared with the stored one.
	 */
	static String accessTokenId(String family) {
		byte[] random = new byte[12];
		RANDOM.nextBytes(random);
		return family + FAMILY_SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** The family an access token's claims name in its {@code jti}, or null (a machine's token, or an older one). */
	static String familyNamedBy(Map<String, Object> claims) {
		Object jti = claims == null ? null : claims.get("jti");
		if (!(jti instanceof String id)) {
			return null;
		}
		int separator = id.lastIndexOf(FAMILY_SEPARATOR);
		return separator > 0 ? id.substring(0, separator) : null;
	}

	/** The family a presented access token names, read without checking its signature; null when it names none. */
	static String familyNamedBy(String accessToken) {
		try {
			return familyNamedBy(SignedJWT.parse(accessToken).getJWTClaimsSet().getClaims());
		} catch (ParseException | RuntimeException notAJwt) {
			return null;
		}
	}

	/**
	 * Whether the account's own powers on the API stay within those of a partner admin of {@code partner}: a member
	 * (who acts on its own account only) or that partner's admin. A steward or another partner's admin is not.
	 */
	private static boolean withinPartnersPowers(Account account, UUID partner) {
		return account.role() == Role.MEMBER || account.role() == Role.PARTNER_ADMIN && account.partnerId() != null
				&& partner.equals(account.partnerId().value());
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keys.signingKid());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().type(OidcProviderConfiguration.ACCESS_TOKEN_TYPE);
		}
		AuthorizationGrantType grant = context.getAuthorizationGrantType();
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant) && !AuthorizationGrantType.REFRESH_TOKEN.equals(grant)) {
			return;
		}
		Account account = accountOf(context.getPrincipal().getName());
		context.getClaims().subject(account.id().toString());
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			claims.claims(account, context.getAuthorizedScopes()).forEach(context.getClaims()::claim);
		} else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			claims.region().ifPresent(region -> context.getClaims().claim("region", region));
			Optional<UUID> partner = partnerOfClient.get(context.getRegisteredClient().getId(), owners::partnerOf);
			if (partner.isPresent() && !withinPartnersPowers(account, partner.get())) {
				// a client a partner runs never acts with more than that partner's powers, whoever signed in through it
				Set<String> scopes = new LinkedHashSet<>(context.getAuthorizedScopes());
				scopes.remove(ClientService.API_SCOPE);
				context.getClaims().claim(OAuth2ParameterNames.SCOPE, scopes);
			}
			if (context.getAuthorization() != null) {
				context.getClaims().id(accessTokenId(context.getAuthorization().getId()));
			}
		}
	}
}
