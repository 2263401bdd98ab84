package coop.commonscloud.identity.internal.provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The {@code offline_access} scope (OpenID Connect Core 11). Refresh tokens go, as before, to every client with a
 * secret, whether or not it asks for the scope, since services that never ask for it expect one. A client may ask
 * for it, and the consent page shows it; a person who leaves it unticked there gets the service no refresh token.
 * A client that cannot get refresh tokens (a public one) has the scope ignored, as section 11 says, rather than the
 * whole request refused as {@code invalid_scope}.
 */
final class OfflineAccess {

	static final String SCOPE = ProviderScope.OFFLINE_ACCESS.value();

	private OfflineAccess() {
	}

	/** Wraps the authorization endpoint's converters, so a request drops the scope when its client is not offered it. */
	static void ignoredWhereNotOffered(List<AuthenticationConverter> converters, RegisteredClientRepository clients) {
		converters.replaceAll(converter -> request -> withoutScopeNotOffered(converter.convert(request), clients));
	}

	private static Authentication withoutScopeNotOffered(Authentication converted, RegisteredClientRepository clients) {
		if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken asked)
				|| !asked.getScopes().contains(SCOPE)) {
			return converted;
		}
		RegisteredClient client = clients.findByClientId(asked.getClientId());
		if (client == null || client.getScopes().contains(SCOPE)) {
			return converted;
		}
		Set<String> scopes = new LinkedHashSet<>(asked.getScopes());
		scopes.remove(SCOPE);
		return new OAuth2AuthorizationCodeRequestAuthenticationToken(asked.getAuthorizationUri(), asked.getClientId(),
				(Authentication) asked.getPrincipal(), asked.getRedirectUri(), asked.getState(), scopes,
				asked.getAdditionalParameters());
	}

	/**
	 * The provider's token generator, except that it makes no refresh token at a code exchange whose request asked
	 * for the scope and was not granted it.
	 */
	static OAuth2TokenGenerator<OAuth2Token> unlessDeclined(OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
		return context -> declined(context) ? null : tokens.generate(context);
	}

	private static boolean declined(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
				|| !AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
			return false;
		}
		OAuth2Authorization authorization = context.getAuthorization();
		OAuth2AuthorizationRequest request = authorization == null ? null
				: authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		return request != null && request.getScopes().contains(SCOPE) && !context.getAuthorizedScopes().contains(SCOPE);
	}
}
