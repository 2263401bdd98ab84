package coop.commonscloud.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Partners and their offerings for settlement tests, made through the API as a steward would. */
final class SettlementFixtures {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	private final MockMvc mvc;
	final String suffix = UUID.randomUUID().toString().substring(0, 8);
	final String region = "set-" + suffix;

	SettlementFixtures(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Settlement test region\"}");
	}

	/** Service calls in tests act as the steward (MockMvc requests reset the context). */
	static void asSteward() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
				null, AuthorityUtils.createAuthorityList("ROLE_STEWARD")));
	}

	record Provider(String id, String server) {
	}

	Provider partner(String name, boolean settlerRun) throws Exception {
		String id = id(send(post("/api/partners"), STEWARD, partnerJson(name)));
		send(put("/api/partners/" + id + "/settler-run"), STEWARD, "{\"settlerRun\":" + settlerRun + "}");
		String site = id(send(post("/api/sites"), STEWARD, "{\"region\":\"" + region + "\",\"partnerId\":\"" + id
				+ "\",\"name\":\"Rack " + UUID.randomUUID() + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
		String server = id(send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + id + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"srv\",\"role\":\"REGIONAL\",\"nominalDrawW\":35,\"lowPowerDrawW\":12,\"batteryWh\":2000,"
				+ "\"renewablePeakW\":400}"));
		return new Provider(id, server);
	}

	void declareSettlerRun(Provider provider, boolean settlerRun) throws Exception {
		send(put("/api/partners/" + provider.id() + "/settler-run"), STEWARD, "{\"settlerRun\":" + settlerRun + "}");
	}

	void rename(Provider provider, String name) throws Exception {
		send(put("/api/partners/" + provider.id()), STEWARD, partnerJson(name));
	}

	private String partnerJson(String name) {
		return "{\"legalName\":\"" + name + "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-"
				+ UUID.randomUUID() + "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}";
	}

	String offering(Provider provider, String application) throws Exception {
		String app = id(send(post("/api/applications"), STEWARD, "{\"name\":\"" + application
				+ "\",\"licence\":\"AGPL-3.0-or-later\",\"coveredByLoRes\":false}"));
		return id(send(post("/api/offerings"), STEWARD, "{\"partnerId\":\"" + provider.id() + "\",\"serverId\":\""
				+ provider.server() + "\",\"applicationId\":\"" + app
				+ "\",\"audience\":\"MEMBERS_ONLY\",\"lowResOptionAvailable\":false,\"lowResOptionRecommended\":false}"));
	}

	/** A partner admin account; returns its username. */
	String admin(Provider provider) throws Exception {
		String username = "set-" + UUID.randomUUID().toString().substring(0, 8);
		send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"A\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + provider.id() + "\"}");
		return username;
	}

	record Member(UUID id, String username) {
	}

	/** A member account; its id is the person id payments carry. */
	Member member() throws Exception {
		String username = "set-m-" + UUID.randomUUID().toString().substring(0, 8);
		String json = send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"M\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"MEMBER\"}");
		return new Member(UUID.fromString(id(json)), username);
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
