package coop.commonscloud.identity.internal;

import static org.springframework.web.servlet.function.RouterFunctions.route;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A bare sign-in form at {@code GET /login} for tests of the provider, standing in where the web
 * UI's own login page is not there. Router functions rank after annotated controllers, so the
 * real page wins wherever it exists. Same fields as the real form: username, password, _csrf.
 */
@TestConfiguration
public class LoginPageStub {

	@Bean
	RouterFunction<ServerResponse> bareSignInForm() {
		return route().GET("/login", request -> {
			CsrfToken csrf = (CsrfToken) request.servletRequest().getAttribute(CsrfToken.class.getName());
			String html = "<!DOCTYPE html><html lang=\"en\"><body><form method=\"post\" action=\"/login\">"
					+ "<input name=\"username\"><input name=\"password\" type=\"password\">"
					+ "<input type=\"hidden\" name=\"_csrf\" value=\"" + csrf.getToken() + "\">"
					+ "<button>Sign in</button></form></body></html>";
			return ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(html);
		}).build();
	}
}
