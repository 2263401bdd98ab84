package coop.commonscloud.identity.internal;

import coop.commonscloud.identity.Account;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Shapes every JWT the provider signs: ES256 under this site's current key id; for a person's
 * grants the subject is the account id and the ID token carries the scoped claims. A suspended or
 * deleted account gets no token, whatever code or refresh token it presents.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeys keys;
	private final AccountClaims claims;

	TokenClaims(SigningKeys keys, AccountClaims claims) {
		this.keys = keys;
		this.claims = claims;
	}

	/** The request attribute naming the account a person's grant was issued to, for the sign-in event. */
	static final String GRANTED_ACCOUNT = TokenClaims.class.getName() + ".account";

	/** One lookup per token request, though the access token and the ID token both need the account. */
	private Account accountOf(String username) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = key(username);
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Account known) {
			return claims.requireActive(known, OAuth2ErrorCodes.INVALID_GRANT);
		}
		Account account = claims.activeAccount(username, OAuth2ErrorCodes.INVALID_GRANT);
		if (request != null) {
			request.setAttribute(key, account, RequestAttributes.SCOPE_REQUEST);
			request.setAttribute(GRANTED_ACCOUNT, account.id(), RequestAttributes.SCOPE_REQUEST);
		}
		return account;
	}

	/**
	 * Hands this request's token generation the account a grant belongs to, already read with the grant (a refresh
	 * grant reads it with its family), so it is not looked up again. Whether it is active is still checked here.
	 */
	static void known(Account account) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && account != null) {
			request.setAttribute(key(account.username()), account, RequestAttributes.SCOPE_REQUEST);
			request.setAttribute(GRANTED_ACCOUNT, account.id(), RequestAttributes.SCOPE_REQUEST);
		}
	}

	private static String key(String username) {
		return TokenClaims.class.getName() + "." + username;
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
			context.getClaims().claim("region", claims.region());
		}
	}
}
