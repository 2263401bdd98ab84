package coop.commonscloud.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the REST API (HTTP Basic, problem-detail errors, CSRF required only for
 * cookie-authenticated calls), operations (actuator: health public, the rest for stewards over
 * HTTP Basic; read-only, so no CSRF) and the web pages (form login, CSRF on every form).
 */
@Configuration
class SecurityConfiguration {

	/** Argon2id at OWASP's minimum: m = 19 MiB, t = 2, p = 1; 16-byte salt, 32-byte hash. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

	@Bean
	UserDetailsService userDetailsService(AccountStore accounts) {
		return username -> accounts.findByUsername(username)
				.map(stored -> new SignedInAccount(stored.account(), stored.passwordHash()))
				.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		RequestMatcher basicAuthenticated = request -> request.getHeader("Authorization") != null;
		http.securityMatcher("/api/**", "/v3/api-docs/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**").permitAll()
						.anyRequest().authenticated())
				.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
						problem(response, 401, "Unauthorized",
								"Sign in first: send HTTP Basic credentials of a region account")))
				.exceptionHandling(errors -> errors
						.authenticationEntryPoint((request, response, e) -> problem(response, 401, "Unauthorized",
								"Sign in first: send HTTP Basic credentials of a region account"))
						.accessDeniedHandler((request, response, e) -> {
							// the CSRF check runs before anonymous callers are identified: treat them as unsigned-in
							if (signedIn()) {
								problem(response, 403, "Forbidden", "This request needs a valid CSRF token");
							} else {
								problem(response, 401, "Unauthorized",
										"Sign in first: send HTTP Basic credentials of a region account");
							}
						}))
				.csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthenticated));
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
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers("/manage/**", "/account/**").authenticated()
						.anyRequest().permitAll())
				.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/manage", false).permitAll())
				.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
		return http.build();
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Commons Cloud\"");
		}
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}");
	}
}
