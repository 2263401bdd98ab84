package coop.commonscloud.identity.internal.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames;

/**
 * What discovery ({@code /.well-known/openid-configuration} and {@code /.well-known/oauth-authorization-server})
 * says clients may use. Spring Authorization Server lists every method and grant it has code for (client_secret_jwt,
 * private_key_jwt, mutual TLS, token exchange); a client registered here ({@link ClientService}) can use only a secret
 * (Basic or in the form) or, as a public client, PKCE with no secret, and only the code, refresh and (with a secret)
 * client-credentials grants. A relying party that picks a listed method must find that it works.
 */
final class Discovery {

	private Discovery() {
	}

	static void onlyWhatClientsCanUse(Map<String, Object> metadata) {
		List<String> secrets = ClientService.SECRET_METHODS.stream().map(ClientAuthenticationMethod::getValue).toList();
		List<String> tokenEndpoint = new ArrayList<>(secrets);
		tokenEndpoint.add(ClientAuthenticationMethod.NONE.getValue());
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED, tokenEndpoint);
		// revocation and introspection take a client's secret: a public client cannot authenticate there
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED, secrets);
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED, secrets);
		List<String> grants = Stream.concat(ClientService.GRANTS.stream(), ClientService.SECRET_GRANTS.stream())
				.map(AuthorizationGrantType::getValue).toList();
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.GRANT_TYPES_SUPPORTED, grants);
		// no client certificates reach the application, so no token is bound to one
		metadata.remove(OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS);
		metadata.put(OAuth2AuthorizationServerMetadataClaimNames.SCOPES_SUPPORTED, ProviderScope.names());
	}

	/**
	 * OpenID Connect Back-Channel Logout 1.0 ({@link BackChannelLogout}): offered, and every logout token names the
	 * session ({@code sid}) that its ID tokens name. No {@code check_session_iframe}: session management by iframe is
	 * not offered. The {@code end_session_endpoint} Spring Authorization Server lists is its RP-initiated logout.
	 */
	static void backChannelLogout(Map<String, Object> metadata) {
		metadata.put("backchannel_logout_supported", true);
		metadata.put("backchannel_logout_session_supported", true);
		metadata.remove("check_session_iframe");
	}
}
