package coop.commonscloud.identity.internal.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import coop.commonscloud.identity.internal.provider.JdbcAuthorizations.CurrentFamily;
import coop.commonscloud.identity.internal.signin.SignInEvents.Kind;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEvent;
import coop.commonscloud.identity.internal.signin.SignInEvents.SignInEventRow;
import coop.commonscloud.identity.internal.signin.SignInEvents;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The refresh-token grant of the token endpoint, in Spring Authorization Server's place for the grants a
 * person's sign-in at a service makes (authorization code families), with the same checks in the same order:
 * the client is the family's and may refresh, the refresh token is current, not revoked and not expired, the
 * scopes are a subset of those granted. What it does not do is what made a refresh cost more than a sign-in
 * needs: it reads the family's identifiers, scopes and refresh-token state in one query, with no principal,
 * authorization request or token metadata parsed from JSON; it writes back only the new access and refresh
 * tokens, in the same statement that remembers the new refresh token for reuse detection, and only if the token
 * presented is still the family's current one (two grants racing with one token: the second is a reuse); and it
 * answers without a new ID token, as OpenID Connect Core 12.2 allows. The ID token from the sign-in stays the
 * family's, good as a logout hint; services read fresh claims from userinfo.
 *
 * <p>A refresh token that is not current anywhere goes to {@link RefreshTokenFamilies}, which tells a rotated-out
 * one (reuse: the family is revoked) from an unknown one. Grants this class does not handle (a DPoP proof, a
 * family from another grant type, a client that keeps its refresh tokens) go to Spring Authorization Server's own
 * provider unchanged. It reads and rotates families only through {@link RefreshTokenFamilies}, never the rows
 * underneath, and hands what the grant learnt to the token claims and the grant's event through {@link GrantContext}.
 */
final class RefreshGrants implements AuthenticationProvider {

	private final RefreshTokenFamilies families;
	private final GrantContext grantContext;
	private final Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokens;
	private final AuthenticationProvider standard;
	private final SignInEvents events;
	private final Clock clock;

	/** A few megabytes at most: each entry holds a family's identifiers, scopes and account. */
	private static final int REMEMBERED_FAMILIES = 10_000;

	/**
	 * The families this provider rotated last, under their new refresh tokens: what the family read would show for
	 * them, which the next grant's rotation rechecks instead (see {@link #authenticate}). Bounded in size and age; a
	 * family not found here (rotated by another instance, or forgotten) is read.
	 */
	private final Cache<String, Remembered> rotatedHere = Caffeine.newBuilder()
			.maximumSize(REMEMBERED_FAMILIES).expireAfterWrite(Duration.ofHours(1))
			// upkeep on the granting thread: every grant writes, and handing each write's upkeep to the common pool woke
			// one of its threads per grant (about 10 % of the provider's CPU under load, most of it in waking and switching)
			.executor(Runnable::run).build();

	RefreshGrants(RefreshTokenFamilies families, GrantContext grantContext,
			Supplier<OAuth2TokenGenerator<? extends OAuth2Token>> tokens, AuthenticationProvider standard,
			SignInEvents events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.families = families;
		this.grantContext = grantContext;
		this.tokens = tokens;
		this.standard = standard;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		OAuth2RefreshTokenAuthenticationToken grant = (OAuth2RefreshTokenAuthenticationToken) authentication;
		OAuth2ClientAuthenticationToken clientPrincipal = authenticatedClient(grant);
		RegisteredClient client = clientPrincipal.getRegisteredClient();
		if (StringUtils.hasText((String) grant.getAdditionalParameters().get("dpop_proof"))
				|| client.getTokenSettings().isReuseRefreshTokens()) {
			return standard.authenticate(authentication);
		}
		String presented = keyOf(grant.getRefreshToken());
		Remembered remembered = rotatedHere.asMap().remove(presented);
		if (remembered != null) {
			Authentication granted = grant(grant, clientPrincipal, remembered.family(), remembered);
			if (granted != null) {
				return granted;
			}
			// the family changed since this provider last rotated it (revoked, expired, its account no longer active,
			// or rotated since): read it, and answer as for any other family
		}
		CurrentFamily family = families.currentFamily(grant.getRefreshToken());
		if (family == null) {
			// not current anywhere: a rotated-out token revokes its family and is refused with the reason
			families.findByToken(grant.getRefreshToken(), OAuth2TokenType.REFRESH_TOKEN);
			throw refused(OAuth2ErrorCodes.INVALID_GRANT, null);
		}
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(family.grantType())) {
			return standard.authenticate(authentication);
		}
		return grant(grant, clientPrincipal, family, null);
	}

	/**
	 * A family as this provider left it after rotating it, and the quarter-hour ({@link SignInEvents#quarterHour}) of
	 * the last sign-in event it recorded for it.
	 */
	private record Remembered(CurrentFamily family, long eventQuarterHour) {
	}

	/**
	 * Checks the grant against {@code family} and rotates its tokens. A family {@code remembered} from this provider's
	 * own last rotation (null when read) is rechecked by the rotation itself, and null answered when that finds it
	 * changed.
	 */
	private Authentication grant(OAuth2RefreshTokenAuthenticationToken grant, OAuth2ClientAuthenticationToken clientPrincipal,
			CurrentFamily family, Remembered remembered) {
		RegisteredClient client = clientPrincipal.getRegisteredClient();
		if (client.getId() == null || !client.getId().equals(family.registeredClientId())) {
			throw refused(OAuth2ErrorCodes.INVALID_GRANT, null);
		}
		if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
			throw refused(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, null);
		}
		if (family.refreshTokenInvalidated()
				|| (family.refreshTokenExpiresAt() != null && !clock.instant().isBefore(family.refreshTokenExpiresAt()))) {
			throw refused(OAuth2ErrorCodes.INVALID_GRANT, null);
		}
		Set<String> scopes = grant.getScopes();
		if (!family.authorizedScopes().containsAll(scopes)) {
			throw refused(OAuth2ErrorCodes.INVALID_SCOPE, null);
		}
		if (scopes.isEmpty()) {
			scopes = family.authorizedScopes();
		}

		// the person is known by name only here: the token claims come from the account itself (TokenClaims), read
		// with the family
		grantContext.known(family.account());
		Authentication person = UsernamePasswordAuthenticationToken.authenticated(family.principalName(), null, List.of());
		// the family as far as token generation needs it: its id, which the access token's jti names (TokenClaims)
		OAuth2Authorization current = OAuth2Authorization.withRegisteredClient(client)
				.id(family.id())
				.principalName(family.principalName())
				.authorizationGrantType(new AuthorizationGrantType(family.grantType()))
				.authorizedScopes(family.authorizedScopes())
				.build();
		DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
				.registeredClient(client)
				.principal(person)
				.authorizationServerContext(AuthorizationServerContextHolder.getContext())
				.authorizedScopes(scopes)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.authorizationGrant(grant)
				.authorization(current);
		OAuth2TokenGenerator<? extends OAuth2Token> generator = tokens.get();
		OAuth2TokenContext accessContext = context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build();
		OAuth2Token generatedAccess = generator.generate(accessContext);
		if (generatedAccess == null) {
			throw refused(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the access token.");
		}
		OAuth2Token generatedRefresh = generator.generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).build());
		if (!(generatedRefresh instanceof OAuth2RefreshToken refreshToken)) {
			throw refused(OAuth2ErrorCodes.SERVER_ERROR, "The token generator failed to generate the refresh token.");
		}
		OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
				generatedAccess.getTokenValue(), generatedAccess.getIssuedAt(), generatedAccess.getExpiresAt(), scopes);
		OAuth2TokenFormat format = client.getTokenSettings().getAccessTokenFormat();
		// the new tokens with their metadata as Spring Authorization Server keeps them (claims, not invalidated, format)
		OAuth2Authorization rotated = OAuth2Authorization.from(current)
				.token(accessToken, metadata -> {
					if (generatedAccess instanceof ClaimAccessor claims) {
						metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims());
					}
					metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, false);
					metadata.put(OAuth2TokenFormat.class.getName(), format.getValue());
				})
				.refreshToken(refreshToken)
				.build();
		// the grant's sign-in event is written with the rotation, in the same statement: one a quarter-hour for a family
		// this provider remembers (all metering counts is the days a service was used), else one every grant
		HttpServletRequest request = currentRequest();
		long quarterHour = events.quarterHourNow();
		boolean record = remembered == null || remembered.eventQuarterHour() != quarterHour;
		SignInEventRow event = !record ? null : events.values(new SignInEvent(Kind.REFRESH,
				grantContext.accountId(), null,
				client.getClientId(), true, TokenGrantEvents.GRANTED, request == null ? null : request.getRemoteAddr()));
		if (!families.rotate(rotated, grant.getRefreshToken(), event, remembered != null)) {
			if (remembered != null) {
				return null;
			}
			// another grant rotated this token since it was read: presenting it again is reuse
			families.findByToken(grant.getRefreshToken(), OAuth2TokenType.REFRESH_TOKEN);
			throw refused(OAuth2ErrorCodes.INVALID_GRANT, null);
		}
		// what a read of the family would show for the new refresh token, so that its grant need not read
		rotatedHere.put(keyOf(refreshToken.getTokenValue()), new Remembered(new CurrentFamily(family.id(),
				family.registeredClientId(), family.principalName(), family.grantType(), family.authorizedScopes(),
				refreshToken.getExpiresAt(), false, family.account()), record ? quarterHour : remembered.eventQuarterHour()));
		grantContext.recorded();
		return new OAuth2AccessTokenAuthenticationToken(client, clientPrincipal, accessToken, refreshToken, Map.of());
	}

	/** The key a refresh token is remembered under: its SHA-256, so that no token lies in memory. */
	private static String keyOf(String refreshToken) {
		return Base64.getEncoder().encodeToString(RefreshTokenFamilies.hash(refreshToken));
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	private static OAuth2ClientAuthenticationToken authenticatedClient(Authentication grant) {
		if (grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
				&& client.getRegisteredClient() != null) {
			return client;
		}
		throw refused(OAuth2ErrorCodes.INVALID_CLIENT, null);
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
	}
}
