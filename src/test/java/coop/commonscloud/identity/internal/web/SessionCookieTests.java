package coop.commonscloud.identity.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockSessionCookieConfig;

class SessionCookieTests {

	@Test
	void the_session_cookie_is_secure_when_the_public_url_is_https() {
		MockSessionCookieConfig cookie = new MockSessionCookieConfig();
		SessionCookie.configure(cookie, "https://region.example.coop");
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(cookie.isHttpOnly()).isTrue();
	}

	@Test
	void the_session_cookie_is_not_secure_on_plain_http() {
		MockSessionCookieConfig cookie = new MockSessionCookieConfig();
		SessionCookie.configure(cookie, "http://localhost:8080");
		assertThat(cookie.isSecure()).isFalse();
	}
}
