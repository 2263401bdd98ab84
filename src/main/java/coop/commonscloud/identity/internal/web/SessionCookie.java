package coop.commonscloud.identity.internal.web;

import jakarta.servlet.SessionCookieConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie: HttpOnly, {@code SameSite=Lax} (sent on a top-level navigation back from a client, not on
 * another site's POST), and {@code Secure} when the public URL is https.
 */
@Configuration
class SessionCookie {

	@Bean
	ServletContextInitializer sessionCookieAttributes(@Value("${commonscloud.public-url:http://localhost:8080}") String publicUrl) {
		return servletContext -> configure(servletContext.getSessionCookieConfig(), publicUrl);
	}

	static void configure(SessionCookieConfig cookie, String publicUrl) {
		cookie.setHttpOnly(true);
		cookie.setSecure(publicUrl.regionMatches(true, 0, "https:", 0, 6));
		cookie.setAttribute("SameSite", "Lax");
	}
}
