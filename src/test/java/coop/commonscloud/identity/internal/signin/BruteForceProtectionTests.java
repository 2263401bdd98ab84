package coop.commonscloud.identity.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.identity.internal.keys.SigningKeyRotationTests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Wrong passwords for one account: three are free, then each attempt must wait a doubling delay,
 * and the tenth locks the account for fifteen minutes, even against the right password. Time is
 * a clock the test moves, so what is asserted is the delay the provider announces, not wall time.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BruteForceProtectionTests {

	@TestConfiguration
	static class TestClock {
		@Bean
		SigningKeyRotationTests.MutableClock clock() {
			return new SigningKeyRotationTests.MutableClock(Instant.now());
		}
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Clock clock;

	String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void n_wrong_passwords_bring_a_delay_then_a_lockout() throws Exception {
		mvc.perform(post("/api/accounts").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + username
						+ "\",\"displayName\":\"Guessed\",\"password\":\"the-right-password\"}"))
				.andExpect(status().isCreated());

		for (int i = 0; i < 4; i++) {
			attempt("wrong-password").andExpect(status().isUnauthorized());
		}
		attempt("wrong-password").andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"))
				.andExpect(jsonPath("$.detail").value("4 wrong passwords for this account: wait 1 s before trying again"));
		attempt("the-right-password").andExpect(status().isTooManyRequests());

		long delay = 1;
		for (int failures = 5; failures <= 10; failures++) {
			advance(Duration.ofSeconds(delay));
			attempt("wrong-password").andExpect(status().isUnauthorized());
			delay *= 2;
			if (failures < 10) {
				attempt("wrong-password").andExpect(header().string("Retry-After", String.valueOf(delay)));
			}
		}

		attempt("the-right-password").andExpect(status().isTooManyRequests())
				.andExpect(header().string("Retry-After", "900"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("locked for 15 minutes")));
		advance(Duration.ofSeconds(899));
		attempt("the-right-password").andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "1"));
		advance(Duration.ofSeconds(2));
		attempt("the-right-password").andExpect(status().isBadRequest());

		assertThat(jdbc.sql("select count(*) from sign_in_event where username = :name and reason = :reason")
				.param("name", username).param("reason", SignInThrottle.WRONG_PASSWORD).query(Long.class).single())
				.isEqualTo(10);
		assertThat(jdbc.sql("select count(*) from sign_in_event where username = :name and reason like '%wait%'")
				.param("name", username).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void the_sign_in_form_is_throttled_too() throws Exception {
		String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/accounts").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + name
						+ "\",\"displayName\":\"Form\",\"password\":\"the-right-password\"}"))
				.andExpect(status().isCreated());
		for (int i = 0; i < 4; i++) {
			form(name, "wrong-password").andExpect(status().is3xxRedirection());
		}
		MockHttpSession throttled = (MockHttpSession) form(name, "the-right-password")
				.andExpect(header().string("Location", "/login?error"))
				.andExpect(result -> assertThat(((Exception) result.getRequest().getSession()
						.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)).getMessage()).contains("wait 1 s"))
				.andReturn().getRequest().getSession();
		mvc.perform(get("/login").param("error", "").session(throttled))
				.andExpect(content().string(containsString("wait 1 s before trying again")))
				.andExpect(content().string(not(containsString("password is not right"))));
		advance(Duration.ofSeconds(1));
		form(name, "the-right-password").andExpect(header().string("Location", "/manage"));
	}

	private void advance(Duration duration) {
		SigningKeyRotationTests.MutableClock mutable = (SigningKeyRotationTests.MutableClock) clock;
		mutable.now = mutable.now.plus(duration);
	}

	private ResultActions attempt(String password) throws Exception {
		return mvc.perform(post("/api/accounts").with(httpBasic(username, password))
				.contentType(MediaType.APPLICATION_JSON).content("{}"));
	}

	private ResultActions form(String name, String password) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", name).param("password", password));
	}
}
