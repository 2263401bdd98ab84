package coop.commonscloud.identity.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What the identity module keeps: each table says whether it is region or site data; sign-in events cannot be edited. */
@SpringBootTest
@AutoConfigureMockMvc
class IdentityDataTests {

	static final List<String> REGION_DATA = List.of("account", "oauth2_registered_client", "client_owner", "signing_key",
			"email_verification", "password_reset", "invite_code", "second_factor", "recovery_code");
	static final List<String> SITE_DATA = List.of("oauth2_authorization", "oauth2_authorization_consent", "issued_token",
			"refresh_token_family_revoked", "sign_in_event", "second_factor_use", "recovery_code_use", "account_session",
			"token_revocation");

	@Autowired
	JdbcClient jdbc;
	@Autowired
	MockMvc mvc;

	@Test
	void every_identity_table_says_whether_it_is_region_or_site_data() {
		Map<String, String> comments = new java.util.HashMap<>();
		jdbc.sql("select c.relname, obj_description(c.oid, 'pg_class') from pg_class c "
				+ "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")
				.query((rs, n) -> comments.put(rs.getString(1), String.valueOf(rs.getString(2)))).list();
		REGION_DATA.forEach(table -> assertThat(comments.get(table)).as(table).startsWith("region data: "));
		SITE_DATA.forEach(table -> assertThat(comments.get(table)).as(table).startsWith("site data: "));
	}

	@Test
	void sign_in_events_are_append_only() throws Exception {
		String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/clients").with(httpBasic(stranger, "not-the-password"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("select count(*) from sign_in_event where username = :name").param("name", stranger)
				.query(Long.class).single()).isEqualTo(1);
		assertThatThrownBy(() -> jdbc.sql("update sign_in_event set succeeded = true where username = :name")
				.param("name", stranger).update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from sign_in_event where username = :name")
				.param("name", stranger).update()).hasMessageContaining("append-only");
	}

	@Test
	void without_smtp_mails_wait_in_an_outbox_only_stewards_read() throws Exception {
		String username = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/accounts").with(httpBasic("admin", "steward-password-for-tests"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + username + "\",\"email\":\""
						+ username + "@example.org\",\"displayName\":\"Outbox\",\"password\":\"a-long-enough-password\"}"))
				.andExpect(status().isCreated());
		String page = mvc.perform(get("/dev/outbox").with(user("admin").roles("STEWARD")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(username + "@example.org").contains("/verify-email?token=");
		mvc.perform(get("/dev/outbox").with(user(username).roles("MEMBER")))
				.andExpect(status().isForbidden());
	}
}
