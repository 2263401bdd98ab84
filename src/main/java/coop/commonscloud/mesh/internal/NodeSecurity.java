package coop.commonscloud.mesh.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The node-to-node endpoints under {@code /mesh/node/**}: no sessions, no CSRF (no browser calls
 * them), no account; {@link NodeApi} checks the region's node secret on every call.
 */
@Configuration
class NodeSecurity {

	@Bean
	@Order(-10)
	SecurityFilterChain meshNodes(HttpSecurity http) throws Exception {
		http.securityMatcher("/mesh/node/**")
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(csrf -> csrf.disable());
		return http.build();
	}
}
