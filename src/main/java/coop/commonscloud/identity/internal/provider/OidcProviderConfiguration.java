package coop.commonscloud.identity.internal.provider;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import coop.commonscloud.identity.internal.keys.FastSigning;
import coop.commonscloud.identity.internal.keys.SigningKeys;
import coop.commonscloud.identity.internal.signin.AccountSessions;
import coop.commonscloud.identity.internal.signin.SignInEvents;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The region's OpenID Connect provider on Spring Authorization Server: clients, authorizations and
 * consents in PostgreSQL, ES256 keys from {@link SigningKeys}, refresh-token families, the
 * account claims, and sign-in events for token grants. The issuer is configured, never taken from a request's
 * {@code Host} header: {@code commonscloud.identity.issuer} (a mesh's one issuer for the region) when set, else
 * {@code commonscloud.public-url}, else {@code http://localhost:8080}, as for the links in mails.
 */
@Configuration
class OidcProviderConfiguration {

	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	@Bean
	@Order(0)
	SecurityFilterChain authorizationServer(HttpSecurity http, UserInfoClaims userInfo, TokenGrantEvents grants,
			RefreshTokenFamilies families, GrantContext grantContext, SignInEvents events, Clock clock,
			RegisteredClientRepository clients, BackChannelLogout backChannel, AccountSessions sessions) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(oidc -> oidc
							.userInfoEndpoint(endpoint -> endpoint.userInfoMapper(userInfo))
							.providerConfigurationEndpoint(endpoint -> endpoint.providerConfigurationCustomizer(
									metadata -> metadata.idTokenSigningAlgorithms(algorithms -> {
										algorithms.clear();
										algorithms.add("ES256");
									}).claims(Discovery::onlyWhatClientsCanUse).claims(Discovery::backChannelLogout)))
							.logoutEndpoint(endpoint -> endpoint.logoutResponseHandler(rpInitiatedLogout(backChannel, sessions))))
					.authorizationServerMetadataEndpoint(endpoint -> endpoint.authorizationServerMetadataCustomizer(
							metadata -> metadata.claims(Discovery::onlyWhatClientsCanUse)))
					.authorizationEndpoint(endpoint -> endpoint.consentPage(ConsentPage.PATH)
							.authorizationRequestConverters(converters -> OfflineAccess.ignoredWhereNotOffered(converters, clients))
							.errorResponseHandler(new AuthorizationErrors()))
					.tokenEndpoint(endpoint -> endpoint
							.authenticationProviders(providers -> providers.replaceAll(provider -> {
								if (provider instanceof OAuth2RefreshTokenAuthenticationProvider standard) {
									return new RefreshGrants(families, grantContext,
											() -> http.getSharedObject(OAuth2TokenGenerator.class), standard, events, clock);
								}
								if (provider instanceof OAuth2AuthorizationCodeAuthenticationProvider) {
									return codeExchanges(http, families);
								}
								return provider;
							}))
							.accessTokenResponseHandler(grants.success())
							.errorResponseHandler(grants.failure()))
					.clientAuthentication(authentication -> authentication
							.authenticationConverters(converters -> converters.add(new PublicClientsNeedPkce()))
							.errorResponseHandler(PublicClientsNeedPkce.errors())
							.authenticationProviders(providers -> providers.forEach(provider -> {
								if (provider instanceof ClientSecretAuthenticationProvider secrets) {
									secrets.setPasswordEncoder(new ClientSecretHasher());
								}
							})));
		})
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"), browsers()));
		return http.build();
	}

	/**
	 * Spring Authorization Server's provider for code exchanges, made as its configurer makes it (its token generator,
	 * which the configurer has shared by now, and the session registry if there is one), except that it issues no
	 * refresh token where a person declined {@code offline_access}.
	 */
	private static OAuth2AuthorizationCodeAuthenticationProvider codeExchanges(HttpSecurity http,
			OAuth2AuthorizationService authorizations) {
		OAuth2AuthorizationCodeAuthenticationProvider provider = new OAuth2AuthorizationCodeAuthenticationProvider(
				authorizations, OfflineAccess.unlessDeclined(http.getSharedObject(OAuth2TokenGenerator.class)));
		SessionRegistry sessions = http.getSharedObject(SessionRegistry.class);
		if (sessions != null) {
			provider.setSessionRegistry(sessions);
		}
		return provider;
	}

	/**
	 * Spring Authorization Server's answer to RP-initiated logout, which signs the person out of this browser session,
	 * after telling the services signed in through that session by back-channel and ending it in the account's list
	 * of sessions, as the region's own sign-out does.
	 */
	private static OidcLogoutAuthenticationSuccessHandler rpInitiatedLogout(BackChannelLogout backChannel,
			AccountSessions sessions) {
		OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
		SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();
		handler.setLogoutHandler((request, response, authentication) -> {
			if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.isPrincipalAuthenticated()) {
				Authentication person = (Authentication) logout.getPrincipal();
				HttpSession session = request.getSession(false);
				if (session != null) {
					backChannel.sessionEnded(person.getName(), session.getId());
					sessions.ended(session);
				}
				signOut.logout(request, response, person);
			}
		});
		return handler;
	}

	/** Requests that ask for HTML by name: browsers, not token clients that accept anything. */
	private static MediaTypeRequestMatcher browsers() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		return html;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${commonscloud.identity.issuer:}") String issuer,
			@Value("${commonscloud.public-url:http://localhost:8080}") String publicUrl) {
		return AuthorizationServerSettings.builder().issuer(Issuer.of(issuer, publicUrl)).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
		return new CachedRegisteredClients(new JdbcRegisteredClientRepository(jdbc));
	}

	@Bean
	RefreshTokenFamilies authorizationService(JdbcTemplate jdbcTemplate, AuthorizationStore store,
			RegisteredClientRepository clients, RevokedTokens revoked, Clock clock) {
		return new RefreshTokenFamilies(new JdbcAuthorizations(jdbcTemplate, clients, clock), store, revoked);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new FastSigning(keys);
	}

	/**
	 * Accepts only this region's access tokens (type {@code at+jwt}, ES256), not its ID tokens, and none that was
	 * revoked ({@link RevokedTokens}).
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, RevokedTokens revoked) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(ACCESS_TOKEN_TYPE)));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator(ACCESS_TOKEN_TYPE), revoked));
		return decoder;
	}
}
