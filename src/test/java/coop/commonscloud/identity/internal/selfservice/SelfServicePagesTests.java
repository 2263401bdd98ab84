package coop.commonscloud.identity.internal.selfservice;

import static coop.commonscloud.SiteLayout.assertHasTheSiteLayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.identity.internal.provider.RefreshTokenFamilies;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-up, address verification and password reset are pages of the site like every other, in each state they can
 * show. No SMTP server is set here, so mails go to the outbox, and their links start with this machine's address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SelfServicePagesTests {

	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;
	@Autowired
	Mails mails;
	@Autowired
	SelfServiceStore links;
	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void sign_up_open_again() throws Exception {
		setParameter("identity.sign-up.open", 1);
	}

	@Test
	void joining_and_confirming_the_address_are_pages_of_the_site() throws Exception {
		String name = unique();
		Document received = page(signUp(name));
		assertHasTheSiteLayout(received);
		assertThat(received.select("#signed-up").text()).contains("Welcome");

		Document refused = page(signUp(name));
		assertHasTheSiteLayout(refused);
		assertThat(refused.select("#sign-up-problems").text()).contains("Your account was not opened");
		assertThat(refused.select("input[name=username]").val()).as("what was typed is kept").isEqualTo(name);

		String link = link(name.toLowerCase() + "@example.net", "/verify-email\\?token=[A-Za-z0-9_-]+");
		assertThat(link).as("the outbox's links lead to this machine").startsWith("http://localhost:");
		Document verified = page(mvc.perform(get(link.substring(link.indexOf("/verify-email")))).andExpect(status().isOk()));
		assertHasTheSiteLayout(verified);
		assertThat(verified.select("h1").text()).isEqualTo("Email address confirmed");

		Document forged = page(mvc.perform(get("/verify-email").param("token", "forged")).andExpect(status().isOk()));
		assertHasTheSiteLayout(forged);
		assertThat(forged.select("#verification-result").text()).contains("not known");

		String expired = "expired-" + UUID.randomUUID();
		links.insertVerification(RefreshTokenFamilies.hash(expired), accountId(name), name.toLowerCase() + "@example.net",
				Instant.now().minusSeconds(60));
		Document old = page(mvc.perform(get("/verify-email").param("token", expired)).andExpect(status().isOk()));
		assertHasTheSiteLayout(old);
		assertThat(old.select("#verification-result").text()).contains("expired");
	}

	@Test
	void while_sign_up_is_closed_the_form_is_refused_and_no_account_is_opened() throws Exception {
		setParameter("identity.sign-up.open", 0);
		String name = unique();
		Document refused = page(signUp(name));
		assertHasTheSiteLayout(refused);
		assertThat(refused.select("#sign-up-problems").text()).contains(SignUp.CLOSED);
		assertThat(refused.select("form#sign-up")).isEmpty();
		assertThat(jdbc.sql("select count(*) from account where username = :name").param("name", name)
				.query(Integer.class).single()).isZero();
	}

	@Test
	void resetting_a_password_is_pages_of_the_site_with_a_good_an_expired_and_an_unknown_link() throws Exception {
		String name = unique();
		signUp(name);
		Document ask = page(mvc.perform(get("/password-reset")).andExpect(status().isOk()));
		assertHasTheSiteLayout(ask);
		Document sent = page(mvc.perform(post("/password-reset").with(csrf()).param("account", name)).andExpect(status().isOk()));
		assertHasTheSiteLayout(sent);
		assertThat(sent.select("#reset-sent")).hasSize(1);

		String link = link(name.toLowerCase() + "@example.net", "/password-reset/new\\?token=[A-Za-z0-9_-]+");
		String token = link.substring(link.indexOf("token=") + 6);
		Document choose = page(mvc.perform(get("/password-reset/new").param("token", token)).andExpect(status().isOk()));
		assertHasTheSiteLayout(choose);
		assertThat(choose.select("#password-problem")).isEmpty();
		assertThat(choose.select("form input[name=password]")).hasSize(1);

		Document changed = page(mvc.perform(post("/password-reset/new").with(csrf()).param("token", token)
				.param("password", "another-long-password").param("repeated", "another-long-password"))
				.andExpect(status().isOk()));
		assertHasTheSiteLayout(changed);
		assertThat(changed.select("#password-changed").text()).contains("Your password is changed");

		String expired = "expired-" + UUID.randomUUID();
		links.insertReset(RefreshTokenFamilies.hash(expired), accountId(name), Instant.now().minusSeconds(60));
		for (String bad : new String[] { expired, "unknown-" + UUID.randomUUID() }) {
			Document refused = page(mvc.perform(get("/password-reset/new").param("token", bad)).andExpect(status().isOk()));
			assertHasTheSiteLayout(refused);
			assertThat(refused.select("#password-problem").text()).isEqualTo(PasswordReset.INVALID_LINK);
		}
	}

	@Test
	void the_outbox_is_a_page_of_the_site_for_stewards() throws Exception {
		Document outbox = page(mvc.perform(get("/dev/outbox").with(user("admin").roles("STEWARD")))
				.andExpect(status().isOk()));
		assertHasTheSiteLayout(outbox);
	}

	private org.springframework.test.web.servlet.ResultActions signUp(String username) throws Exception {
		MockHttpServletRequestBuilder request = post("/sign-up").with(csrf()).param("username", username)
				.param("displayName", "New person").param("email", username.toLowerCase() + "@example.net")
				.param("password", PASSWORD);
		return mvc.perform(request).andExpect(status().isOk());
	}

	private String link(String to, String path) {
		Pattern pattern = Pattern.compile("\\S+" + path);
		return mails.outbox().stream().filter(mail -> mail.to().equals(to)).map(mail -> pattern.matcher(mail.text()))
				.filter(Matcher::find).map(Matcher::group).findFirst()
				.orElseThrow(() -> new AssertionError("no mail to " + to + " with a link to " + path));
	}

	private UUID accountId(String username) {
		return jdbc.sql("select id from account where username = :name").param("name", username).query(UUID.class).single();
	}

	private void setParameter(String key, int value) throws Exception {
		mvc.perform(post("/api/parameters/" + key).with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"value\":" + value + ",\"reason\":\"self-service pages test\"}"))
				.andExpect(status().is2xxSuccessful());
	}

	private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
	}

	private static String unique() {
		return "self-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
