package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Account;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/** Answers the userinfo endpoint from the account as it is now, limited to the token's scopes. */
@Component
@RequiredArgsConstructor
class UserInfoClaims implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final AccountClaims claims;

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		Account account = claims.activeAccount(context.getAuthorization().getPrincipalName(),
				OAuth2ErrorCodes.INVALID_TOKEN);
		return new OidcUserInfo(claims.claims(account, context.getAccessToken().getScopes()));
	}
}
