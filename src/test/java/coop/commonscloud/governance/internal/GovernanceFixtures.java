package coop.commonscloud.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Builds members, delegates, proposals and polls through the API, with names unique per test. */
class GovernanceFixtures {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	/**
	 * How long the tests' short polls stay open: long enough for a test's votes to be cast on a
	 * loaded two-core machine, short enough that waiting for the close stays cheap.
	 */
	static final long VOTING_WINDOW_SECONDS = 8;

	final MockMvc mvc;
	final String suffix = UUID.randomUUID().toString().substring(0, 8);

	GovernanceFixtures(MockMvc mvc) {
		this.mvc = mvc;
	}

	record Org(String partnerId, String memberId, String adminName, RequestPostProcessor admin) {
	}

	/** A partner, its partner-admin account, and its membership. */
	Org partnerMember(String name, String email) throws Exception {
		String partner = id(send(post("/api/partners"), STEWARD, "{\"legalName\":\"" + name + " " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"R-" + UUID.randomUUID()
				+ "\",\"contacts\":[]}"));
		String admin = account(name.toLowerCase().replaceAll("[^a-z]", "") + "-admin", "PARTNER_ADMIN", partner);
		String member = id(send(post("/api/governance/members"), STEWARD, "{\"memberClass\":\"PARTNER\",\"name\":\"" + name + " "
				+ suffix + "\",\"partnerId\":\"" + partner + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}"));
		return new Org(partner, member, admin, httpBasic(admin, PASSWORD));
	}

	/** Signs in through the web form, as a browser does, and returns the signed-in session. */
	RequestPostProcessor webSession(String username) throws Exception {
		return webSession(username, username.equals("admin") ? "steward-password-for-tests" : PASSWORD);
	}

	RequestPostProcessor webSession(String username, String password) throws Exception {
		MvcResult login = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login").user(username).password(password)).andReturn();
		assertThat(login.getResponse().getStatus()).isEqualTo(302);
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) login.getRequest()
				.getSession();
		return request -> {
			request.setSession(session);
			return request;
		};
	}

	/** Opens an account and returns its username. */
	String account(String name, String role, String partnerId) throws Exception {
		String username = name + "-" + suffix;
		send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"" + username
				+ "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\",\"partnerId\":"
				+ (partnerId == null ? "null" : "\"" + partnerId + "\"") + "}");
		return username;
	}

	String personMember(String username) throws Exception {
		return id(send(post("/api/governance/members"), STEWARD, "{\"memberClass\":\"PERSON\",\"name\":\"" + username
				+ "\",\"username\":\"" + username + "\"}"));
	}

	/** A proposal by {@code author}, already under discussion. */
	String proposal(RequestPostProcessor author, String body) throws Exception {
		String id = id(send(post("/api/governance/proposals"), author, body));
		send(post("/api/governance/proposals/" + id + "/discussion"), author, "");
		return id;
	}

	String generalProposal(RequestPostProcessor author) throws Exception {
		return proposal(author, "{\"kind\":\"GENERAL\",\"title\":\"Meet monthly " + suffix
				+ "\",\"rationale\":\"Regular meetings keep us in touch.\"}");
	}

	String poll(RequestPostProcessor author, String proposal, String method, Instant closesAt, boolean anonymous,
			boolean hidden, String extra) throws Exception {
		return id(send(post("/api/governance/proposals/" + proposal + "/poll"), author, "{\"method\":\"" + method
				+ "\",\"closesAt\":\"" + closesAt + "\",\"anonymous\":" + anonymous + ",\"resultsHidden\":" + hidden
				+ (extra == null ? "" : "," + extra) + "}"));
	}

	MvcResult vote(RequestPostProcessor who, String poll, String ballot) throws Exception {
		return mvc.perform(post("/api/governance/polls/" + poll + "/ballots").with(who)
				.contentType(MediaType.APPLICATION_JSON).content(ballot)).andReturn();
	}

	String cast(RequestPostProcessor who, String poll, String ballot) throws Exception {
		MvcResult result = vote(who, poll, ballot);
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		return result.getResponse().getContentAsString();
	}

	String close(RequestPostProcessor who, String poll, Instant closesAt) throws Exception {
		while (Instant.now().isBefore(closesAt)) {
			Thread.sleep(100);
		}
		return send(post("/api/governance/polls/" + poll + "/close"), who, "");
	}

	String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}

	static String id(String json) {
		Object id = JsonPath.read(json, "$.id");
		return id instanceof String s ? s : JsonPath.read(json, "$.id.value");
	}
}
