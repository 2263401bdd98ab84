package coop.commonscloud.platform.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rules of identity's {@code api} security chain, for {@code @WebMvcTest} slices of the API
 * controllers: reading is public, every other call needs credentials (an unsigned-in caller gets
 * a 401 problem), and CSRF is only asked of calls that send no {@code Authorization} header.
 *
 * <p>A copy, not an import: identity's chain needs its account store, bearer tokens, throttle and
 * Argon2, which a web slice does not boot. Who may do what beyond signing in is the module's own
 * rule ({@code Caller.requireSteward()} and the like), which the slices mock. Keep this in step
 * with {@code SecurityConfiguration.api}; {@code AuthorizationTests} checks the real chain.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration(ClockConfiguration.class)
public class ApiSliceSecurity {

	/** A signed-in caller of the slice; what it may do is up to the mocked {@code Caller}. */
	public static final RequestPostProcessor SIGNED_IN = httpBasic("member", "slice-password");

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		RequestMatcher credentialsSent = request -> request.getHeader("Authorization") != null;
		AuthenticationEntryPoint unauthorized = (request, response, e) -> {
			response.setStatus(401);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
					+ "\"detail\":\"Sign in first\"}");
		};
		http.securityMatcher("/api/**")
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(HttpMethod.GET, "/api/**").permitAll()
						.anyRequest().authenticated())
				.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
				.exceptionHandling(errors -> errors
						.authenticationEntryPoint(unauthorized)
						// as in identity: the CSRF check runs before anonymous callers are identified
						.accessDeniedHandler((request, response, e) -> {
							Authentication caller = SecurityContextHolder.getContext().getAuthentication();
							if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
								response.sendError(403, "This request needs a valid CSRF token");
							} else {
								unauthorized.commence(request, response, null);
							}
						}))
				.csrf(csrf -> csrf.ignoringRequestMatchers(credentialsSent));
		return http.build();
	}

	@Bean
	UserDetailsService sliceAccounts() {
		return new InMemoryUserDetailsManager(User.withUsername("member").password("{noop}slice-password").roles("MEMBER").build());
	}
}
