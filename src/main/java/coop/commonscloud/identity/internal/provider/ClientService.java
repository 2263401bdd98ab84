package coop.commonscloud.identity.internal.provider;

import coop.commonscloud.identity.Client;
import coop.commonscloud.identity.ClientCredentials;
import coop.commonscloud.identity.Clients;
import coop.commonscloud.identity.NewClient;
import coop.commonscloud.platform.Caller;
import coop.commonscloud.platform.PartnerId;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the services that sign people in. Public clients authenticate with PKCE only; the
 * others get a secret, shown once and stored hashed, and may also use client credentials. Only
 * first-party clients may ask for the {@code api} scope, which lets a token act on the REST API, and only a steward
 * may mark a client first-party (a partner admin asking for it is refused with 403). A person's token from a client
 * a partner runs acts on the API with no more than that partner's powers ({@link TokenClaims}).
 */
@Service
@RequiredArgsConstructor
public class ClientService implements Clients {

	public static final String API_SCOPE = "api";

	/** How a client with a secret authenticates; a public client authenticates with PKCE only ({@code none}). */
	static final List<ClientAuthenticationMethod> SECRET_METHODS = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
			ClientAuthenticationMethod.CLIENT_SECRET_POST);

	/** The grants every client gets. */
	static final List<AuthorizationGrantType> GRANTS = List.of(AuthorizationGrantType.AUTHORIZATION_CODE,
			AuthorizationGrantType.REFRESH_TOKEN);

	/** The grants only a client with a secret gets. */
	static final List<AuthorizationGrantType> SECRET_GRANTS = List.of(AuthorizationGrantType.CLIENT_CREDENTIALS);

	private final RegisteredClientRepository clients;
	private final ClientStore owners;
	private final Caller caller;
	private final Clock clock;
	private final AuthorizationServerSettings provider;
	private final ClientSecretHasher secrets = new ClientSecretHasher();
	private final SecureRandom random = new SecureRandom();

	@Override
	@Transactional
	public ClientCredentials register(NewClient request) {
		caller.requireSignedIn();
		UUID partner;
		if (caller.isSteward()) {
			partner = request.partnerId();
		} else {
			partner = caller.adminOf().orElseThrow(() -> new coop.commonscloud.platform.NotPermitted(
					"Only a steward or a partner admin may register a service"));
			caller.requireManages(new PartnerId(request.partnerId() == null ? partner : request.partnerId()));
			if (request.firstParty()) {
				// a first-party client asks no consent and may get the api scope: the region's own services only
				throw new coop.commonscloud.platform.NotPermitted("Only a steward may register a firstParty client");
			}
		}
		String clientId = randomToken(18);
		String secret = request.publicClient() ? null : randomToken(32);
		clients.save(registeredClient(request, clientId, secret));
		owners.owner(clientId, partner, request.firstParty(), caller.actor());
		return new ClientCredentials(clientId, secret, request.name().strip(), request.publicClient(),
				request.firstParty(), partner, request.backchannelLogoutUri(), request.backchannelLogoutSessionRequired());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Client> ofPartner(UUID partner) {
		caller.requireManages(new PartnerId(partner));
		return owners.ofPartner(partner);
	}

	@Override
	public String issuer() {
		return provider.getIssuer();
	}

	private RegisteredClient registeredClient(NewClient request, String clientId, String secret) {
		// a public client gets no refresh token (Spring Authorization Server issues none without a secret)
		Set<String> scopes = ProviderScope.offeredTo(request.firstParty(), !request.publicClient());
		RegisteredClient.Builder builder = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(clientId)
				.clientIdIssuedAt(clock.instant())
				.clientName(request.name().strip())
				.authorizationGrantTypes(grants -> grants.addAll(GRANTS))
				.redirectUris(uris -> uris.addAll(request.redirectUris()))
				.postLogoutRedirectUris(uris -> uris.addAll(postLogoutRedirectUris(request)))
				.scopes(s -> s.addAll(scopes))
				.clientSettings(BackChannelLogout.settings(request, ClientSettings.builder()
						.requireProofKey(request.publicClient())
						.requireAuthorizationConsent(!request.firstParty()))
						.build())
				.tokenSettings(TokenSettings.builder()
						.authorizationCodeTimeToLive(Duration.ofMinutes(2))
						.accessTokenTimeToLive(Duration.ofMinutes(5))
						.refreshTokenTimeToLive(Duration.ofDays(30))
						.reuseRefreshTokens(false)
						.idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
						.build());
		if (request.publicClient()) {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		} else {
			builder.clientSecret(secrets.encode(secret))
					.clientAuthenticationMethods(methods -> methods.addAll(SECRET_METHODS))
					.authorizationGrantTypes(grants -> grants.addAll(SECRET_GRANTS));
		}
		return builder.build();
	}

	/** Where a service may send people after signing out: as given, else the origins of its redirect URIs. */
	private static Set<String> postLogoutRedirectUris(NewClient request) {
		if (!request.postLogoutRedirectUris().isEmpty()) {
			return new LinkedHashSet<>(request.postLogoutRedirectUris());
		}
		Set<String> origins = new LinkedHashSet<>();
		for (String uri : request.redirectUris()) {
			URI parsed = URI.create(uri);
			String origin = parsed.getScheme() + "://" + parsed.getRawAuthority();
			origins.add(origin);
			origins.add(origin + "/");
		}
		return origins;
	}

	private String randomToken(int bytes) {
		byte[] buffer = new byte[bytes];
		random.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}
}
