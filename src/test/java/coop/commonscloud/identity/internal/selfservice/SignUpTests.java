package coop.commonscloud.identity.internal.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** People join as the region's setting says: openly, with an invite code, or pending a steward's approval. */
@SpringBootTest
@AutoConfigureMockMvc
class SignUpTests {

	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Mails mails;

	@AfterEach
	void back_to_open_sign_up() throws Exception {
		setMode(0);
	}

	@Test
	void with_open_sign_up_anyone_joins_and_can_sign_in() throws Exception {
		setMode(0);
		String name = unique();
		assertThat(signUp(name, null)).contains("Welcome").contains("Sign in");
		assertThat(statusOf(name)).isEqualTo("ACTIVE");
		signIn(name).andExpect(status().isBadRequest());
	}

	@Test
	void a_confusable_or_taken_username_is_refused_at_sign_up() throws Exception {
		setMode(0);
		assertThat(signUp("ＡＤＭＩＮ", null)).contains("Your account was not opened").contains("is taken");
	}

	@Test
	void sign_up_answers_the_same_for_a_registered_address_and_mails_its_owner() throws Exception {
		String owner = unique();
		signUp(owner, null);
		String again = unique();
		String answer = mvc.perform(post("/sign-up").with(csrf()).param("username", again).param("displayName", "New person")
				.param("email", owner.toUpperCase() + "@example.net").param("password", PASSWORD))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String fresh = unique();
		assertThat(answer.replace(owner.toUpperCase() + "@", "ADDRESS@").replace(again, "NAME"))
				.isEqualTo(signUp(fresh, null).replace(fresh.toLowerCase() + "@", "ADDRESS@").replace(fresh, "NAME"));
		assertThat(answer).doesNotContain("already uses");
		assertThat(statusOf(again)).isNull();
		assertThat(mails.outbox()).anySatisfy(mail -> {
			assertThat(mail.to()).isEqualTo(owner + "@example.net");
			assertThat(mail.subject()).isEqualTo("Someone tried to open an account with your address");
			assertThat(mail.text()).contains(owner);
		});
	}

	@Test
	void with_invites_only_a_valid_unused_code_opens_an_account() throws Exception {
		setMode(1);
		String name = unique();
		assertThat(signUp(name, null)).contains("needs an invite code");
		assertThat(statusOf(name)).isNull();
		String code = JsonPath.read(mvc.perform(post("/api/invites").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"for a neighbour\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.code");
		assertThat(signUp(name, code)).contains("Welcome");
		assertThat(statusOf(name)).isEqualTo("ACTIVE");
		String second = unique();
		assertThat(signUp(second, code)).contains("needs an invite code");
		assertThat(statusOf(second)).isNull();
	}

	@Test
	void with_approval_an_account_waits_for_a_steward() throws Exception {
		setMode(2);
		String name = unique();
		assertThat(signUp(name, null)).contains("A steward of the region looks at each new account");
		assertThat(statusOf(name)).isEqualTo("PENDING");
		signIn(name).andExpect(status().isUnauthorized());
		String id = jdbc.sql("select id::text from account where username = :name").param("name", name)
				.query(String.class).single();
		mvc.perform(put("/api/accounts/" + id + "/status").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ACTIVE\"}")).andExpect(status().isOk());
		signIn(name).andExpect(status().isBadRequest());
	}

	private String signUp(String username, String code) throws Exception {
		var request = post("/sign-up").with(csrf()).param("username", username).param("displayName", "New person")
				.param("email", username.toLowerCase() + "@example.net").param("password", PASSWORD);
		if (code != null) {
			request.param("inviteCode", code);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private ResultActions signIn(String username) throws Exception {
		return mvc.perform(post("/api/clients").with(httpBasic(username, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
				.content("{}"));
	}

	private String statusOf(String username) {
		return jdbc.sql("select status from account where username = :name").param("name", username).query(String.class)
				.optional().orElse(null);
	}

	private void setMode(int mode) throws Exception {
		mvc.perform(post("/api/parameters/identity.sign-up.mode").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"value\":" + mode + ",\"reason\":\"sign-up test\"}"))
				.andExpect(status().is2xxSuccessful());
	}

	private static String unique() {
		return "joiner-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
