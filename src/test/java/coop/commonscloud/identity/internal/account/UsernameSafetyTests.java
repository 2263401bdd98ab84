package coop.commonscloud.identity.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.identity.internal.signin.RegionArgon2;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Usernames are unique whatever their case, width or look-alike letters; password hashes follow the region's Argon2 cost. */
@SpringBootTest
@AutoConfigureMockMvc
class UsernameSafetyTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PasswordEncoder passwords;

	final String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));

	@Test
	void a_full_width_or_differently_cased_copy_of_a_username_is_taken() throws Exception {
		open("ＡＤＭＩＮ").andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value("The username 'admin' is taken"));
		open("Admin").andExpect(status().isConflict());
	}

	@Test
	void a_confusable_username_at_registration_is_refused() throws Exception {
		open("scope" + digits).andExpect(status().isCreated());
		// Cyrillic ѕ, с, о, р, е: one script, but the same skeleton as "scope"
		open("ѕсоре" + digits).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("looks like the existing username 'scope" + digits)));
		// Latin with one Cyrillic а: mixed scripts
		open("pаypal" + digits).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("mixes letters of different scripts")));
	}

	@Test
	void usernames_are_stored_in_nfkc_and_signed_in_with_any_case_or_width() throws Exception {
		open("ｗｉｄｅ" + digits).andExpect(status().isCreated()).andExpect(jsonPath("$.username").value("wide" + digits));
		mvc.perform(post("/api/accounts").with(httpBasic("WIDE" + digits, "a-long-enough-password"))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void a_password_is_rehashed_at_sign_in_when_the_argon2_parameters_change() throws Exception {
		String username = "rehash" + digits;
		open(username).andExpect(status().isCreated());
		assertThat(hash(username)).contains("m=19456,t=2,p=1");
		try {
			setIterations(3);
			mvc.perform(post("/api/accounts").with(httpBasic(username, "a-long-enough-password"))
					.contentType(MediaType.APPLICATION_JSON).content("{}"))
					.andExpect(status().isBadRequest());
			assertThat(hash(username)).contains("m=19456,t=3,p=1");
		} finally {
			setIterations(2);
		}
	}

	private void setIterations(int iterations) throws Exception {
		mvc.perform(post("/api/parameters/identity.argon2.iterations").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":" + iterations + ",\"reason\":\"test of rehashing\"}"))
				.andExpect(status().is2xxSuccessful());
		((RegionArgon2) passwords).reread();
	}

	private String hash(String username) {
		return jdbc.sql("select password_hash from account where username = :name").param("name", username)
				.query(String.class).single();
	}

	private ResultActions open(String username) throws Exception {
		return mvc.perform(post("/api/accounts").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + username + "\",\"email\":null,\"displayName\":\"Someone\","
						+ "\"password\":\"a-long-enough-password\"}"));
	}
}
