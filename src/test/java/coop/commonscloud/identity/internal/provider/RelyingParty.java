package coop.commonscloud.identity.internal.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service that signs people in through the region: Spring Security's OAuth2 client, unchanged
 * apart from its registration, in a Spring context and web server of its own. It reads the
 * provider's discovery document, uses PKCE, verifies ID tokens (ES256) against the JWKS, fetches
 * userinfo, refreshes on request and logs out through the provider (RP-initiated logout).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
		SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class })
class RelyingParty {

	static final String REGISTRATION = "commons";

	static ConfigurableApplicationContext start(int port, String issuer, String clientId, String clientSecret) {
		return new SpringApplicationBuilder(RelyingParty.class)
				.properties("spring.config.name=relying-party", "server.port=" + port,
						"spring.datasource.url=jdbc:postgresql://unused.invalid/none", "rp.issuer=" + issuer,
						"rp.client-id=" + clientId, "rp.client-secret=" + clientSecret, "spring.main.banner-mode=off")
				.run();
	}

	@Bean
	ClientRegistrationRepository clientRegistrations(Environment env) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(env.getRequiredProperty("rp.issuer"))
				.registrationId(REGISTRATION)
				.clientId(env.getRequiredProperty("rp.client-id"))
				.clientSecret(env.getRequiredProperty("rp.client-secret"))
				.scope("openid", "profile", "email")
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	OAuth2AuthorizedClientService authorizedClientService(ClientRegistrationRepository registrations) {
		return new InMemoryOAuth2AuthorizedClientService(registrations);
	}

	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository(OAuth2AuthorizedClientService service) {
		return new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(service);
	}

	/** The region signs ID tokens with ES256 (the client's default expectation is RS256). */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
		OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
		factory.setJwsAlgorithmResolver(registration -> SignatureAlgorithm.ES256);
		return factory;
	}

	/** Refreshes whenever asked: a clock skew longer than the access token's life makes it always "expired". */
	@Bean
	OAuth2AuthorizedClientManager refreshingClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService service) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setClockSkew(Duration.ofHours(1));
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
				new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, service);
		manager.setAuthorizedClientProvider(refresh);
		return manager;
	}

	@Bean
	SecurityFilterChain serviceSignIn(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver requests =
				new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		logout.setPostLogoutRedirectUri("{baseUrl}/");
		http.authorizeHttpRequests(authorize -> authorize.requestMatchers("/").permitAll().anyRequest().authenticated())
				.oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests)))
				.logout(out -> out.logoutSuccessHandler(logout))
				.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@RestController
	static class Pages {

		private final OAuth2AuthorizedClientService clients;
		private final OAuth2AuthorizedClientManager manager;

		Pages(OAuth2AuthorizedClientService clients, OAuth2AuthorizedClientManager manager) {
			this.clients = clients;
			this.manager = manager;
		}

		@GetMapping("/")
		String home() {
			return "signed out";
		}

		@GetMapping("/me")
		Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
			OAuth2AuthorizedClient client = clients.loadAuthorizedClient(REGISTRATION, user.getName());
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("idToken", user.getIdToken().getTokenValue());
			me.put("idTokenClaims", user.getIdToken().getClaims());
			me.put("userInfo", user.getUserInfo() == null ? null : user.getUserInfo().getClaims());
			me.put("accessToken", client.getAccessToken().getTokenValue());
			me.put("refreshToken", client.getRefreshToken() == null ? null : client.getRefreshToken().getTokenValue());
			return me;
		}

		@GetMapping("/refresh")
		Map<String, Object> refresh(@AuthenticationPrincipal OidcUser user) {
			OAuth2AuthorizedClient refreshed = manager.authorize(
					OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(user.getName()).build());
			Map<String, Object> tokens = new LinkedHashMap<>();
			tokens.put("accessToken", refreshed.getAccessToken().getTokenValue());
			tokens.put("refreshToken", refreshed.getRefreshToken().getTokenValue());
			return tokens;
		}
	}
}
