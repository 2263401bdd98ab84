package coop.commonscloud.identity.internal.web;

import coop.commonscloud.identity.internal.account.AccountStore;
import coop.commonscloud.identity.internal.provider.BackChannelLogout;
import coop.commonscloud.identity.internal.provider.ConsentPage;
import coop.commonscloud.identity.internal.signin.AccountSessions;
import coop.commonscloud.identity.internal.signin.PasswordSignIns;
import coop.commonscloud.identity.internal.signin.RegionArgon2;
import coop.commonscloud.identity.internal.signin.SecondFactor;
import coop.commonscloud.identity.internal.signin.SecondFactorRequired;
import coop.commonscloud.identity.internal.signin.SignInEvents;
import coop.commonscloud.identity.internal.signin.SignInRefused;
import coop.commonscloud.identity.internal.signin.SignInThrottle;
import coop.commonscloud.identity.internal.signin.ThrottledPasswords;
import coop.commonscloud.parameters.PlatformParameters;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four filter chains: the OpenID Connect provider's endpoints (order 0, in
 * {@link OidcProviderConfiguration}), the REST API (HTTP Basic or a bearer token, problem-detail
 * errors, CSRF required only for cookie-authenticated calls), operations (actuator: health public,
 * the rest for stewards over HTTP Basic; read-only, so no CSRF) and the web pages (form login,
 * CSRF on every form).
 */
@Configuration
class SecurityConfiguration {

	private static final String SIGN_IN_FIRST =
			"Sign in first: send HTTP Basic credentials of a region account or a bearer token from the region";

	/**
	 * Argon2id with the region's parameters (seeded at OWASP's minimum: m = 19 MiB, t = 2, p = 1;
	 * 16-byte salt, 32-byte hash), rehashing at sign-in when they change.
	 */
	/**
	 * No observations of Spring Security's own: with them every filter of every chain (a dozen per request) and every
	 * authentication is wrapped and timed. {@code http.server.requests} still times each request as a whole.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's authentication events, failures only. Nothing here listens for successes, and a token request
	 * makes two (the client's and the grant's): the sign-in events table is this provider's record of them.
	 */
	@Bean
	AuthenticationEventPublisher authenticationEvents(ApplicationEventPublisher events) {
		DefaultAuthenticationEventPublisher failures = new DefaultAuthenticationEventPublisher(events);
		return new AuthenticationEventPublisher() {
			@Override
			public void publishAuthenticationSuccess(Authentication authentication) {
			}

			@Override
			public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
				failures.publishAuthenticationFailure(exception, authentication);
			}
		};
	}

	@Bean
	PasswordEncoder passwordEncoder(PlatformParameters parameters, Clock clock) {
		return new RegionArgon2(parameters, clock);
	}

	/**
	 * Stores the new hash when a sign-in rehashed a password under changed Argon2 parameters; not at a
	 * site of the mesh, where accounts are a read-only replica (the old hash still verifies).
	 */
	@Bean
	UserDetailsPasswordService rehashedPasswords(AccountStore accounts,
			org.springframework.beans.factory.ObjectProvider<coop.commonscloud.platform.RegionData> regionData) {
		if (!regionData.getIfAvailable(() -> coop.commonscloud.platform.RegionData.HERE).writtenHere()) {
			return (user, newHash) -> user;
		}
		return (user, newHash) -> accounts.findByUsername(user.getUsername()).map(stored -> {
			accounts.setPasswordHash(stored.account().id(), newHash);
			return (UserDetails) new SignedInAccount(stored.account(), newHash);
		}).orElse(user);
	}

	@Bean
	UserDetailsService userDetailsService(AccountStore accounts) {
		return username -> accounts.findByUsername(username)
				.map(stored -> new SignedInAccount(stored.account(), stored.passwordHash()))
				.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/** Password sign-in for every chain: Argon2id behind the brute-force throttle. */
	@Bean
	AuthenticationProvider passwordSignIn(UserDetailsService accounts, PasswordEncoder passwords,
			UserDetailsPasswordService rehashed, SignInThrottle throttle, SignInEvents events, SecondFactor secondFactor) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		provider.setUserDetailsPasswordService(rehashed);
		return new ThrottledPasswords(provider, throttle, events, secondFactor);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokenAccounts bearerTokens) throws Exception {
		RequestMatcher credentialsSent = SecurityConfiguration::authenticatedByHeader;
		AuthenticationEntryPoint unauthorized = (request, response, e) -> unauthorized(response, e);
		http.securityMatcher("/api/**", "/v3/api-docs/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**").permitAll()
						.anyRequest().authenticated())
				.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
				.oauth2ResourceServer(resourceServer -> resourceServer
						.jwt(jwt -> jwt.jwtAuthenticationConverter(bearerTokens))
						.authenticationEntryPoint(unauthorized))
				.exceptionHandling(errors -> errors
						.authenticationEntryPoint(unauthorized)
						.accessDeniedHandler((request, response, e) -> {
							// the CSRF check runs before anonymous callers are identified: treat them as unsigned-in
							if (signedIn()) {
								problem(response, 403, "Forbidden", "This request needs a valid CSRF token");
							} else {
								problem(response, 401, "Unauthorized", SIGN_IN_FIRST);
							}
						}))
				.csrf(csrf -> csrf.ignoringRequestMatchers(credentialsSent));
		return http.build();
	}

	/** Health is public; metrics are for stewards, over HTTP Basic so Prometheus can scrape them. */
	@Bean
	@Order(2)
	SecurityFilterChain operations(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
						.anyRequest().hasRole("STEWARD"))
				.httpBasic(basic -> basic.realmName("Commons Cloud"))
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, PasswordSignIns signIns, AccountSessions sessions,
			BackChannelLogout backChannel) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/manage/**", "/account/**", "/welcome", "/welcome/**", ConsentPage.PATH).authenticated()
						.requestMatchers("/dev/outbox").hasRole("STEWARD")
						.anyRequest().permitAll())
				.formLogin(form -> form.loginPage("/login")
						.successHandler(signIns.success("/manage"))
						.failureHandler(signIns.failure("/login?error"))
						.permitAll())
				.logout(logout -> logout.logoutSuccessUrl("/login?logout")
						.addLogoutHandler((request, response, authentication) -> {
							HttpSession session = request.getSession(false);
							// the services signed in through this browser session are told by back-channel logout
							if (session != null && authentication != null && authentication.isAuthenticated()) {
								backChannel.sessionEnded(authentication.getName(), session.getId());
							}
							sessions.ended(session);
						})
						.permitAll())
				.headers(headers -> headers
						.addHeaderWriter(new PagePolicy())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Whether the request's own credentials, not a session cookie, will authenticate it, so it needs no CSRF token. A
	 * bearer token always is checked (or the request refused with 401). HTTP Basic is not checked again when a session
	 * already holds the same user, so it is exempt only without a signed-in session. Any other scheme is not.
	 */
	private static boolean authenticatedByHeader(jakarta.servlet.http.HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null) {
			return false;
		}
		if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return true;
		}
		return header.regionMatches(true, 0, "Basic ", 0, 6) && !signedIn();
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static void unauthorized(HttpServletResponse response, AuthenticationException e) throws java.io.IOException {
		if (e instanceof SignInRefused refused) {
			response.setHeader("Retry-After", String.valueOf(refused.retryAfterSeconds()));
			problem(response, 429, "Too many failed sign-ins", refused.getMessage());
			return;
		}
		if (e instanceof SecondFactorRequired) {
			response.setHeader("WWW-Authenticate", "Bearer");
			problem(response, 401, "Unauthorized", e.getMessage());
			return;
		}
		if (e instanceof OAuth2AuthenticationException bearer) {
			String description = bearer.getError().getDescription() == null ? "The bearer token is not valid"
					: bearer.getError().getDescription();
			response.setHeader("WWW-Authenticate", "Bearer error=\"" + bearer.getError().getErrorCode()
					+ "\", error_description=\"" + description.replace("\"", "'") + "\"");
			problem(response, 401, "Unauthorized", description + ". " + SIGN_IN_FIRST);
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Commons Cloud\"");
		problem(response, 401, "Unauthorized", SIGN_IN_FIRST);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == 401 && !response.containsHeader("WWW-Authenticate")) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Commons Cloud\"");
		}
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + json(detail) + "\"}");
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					} else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}
}
