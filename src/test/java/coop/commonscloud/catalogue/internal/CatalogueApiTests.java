package coop.commonscloud.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class CatalogueApiTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	String suffix;
	String partnerA;
	String partnerB;
	String serverA;
	String serverB;
	RequestPostProcessor adminA;

	@BeforeEach
	void two_partners_with_a_server_each() throws Exception {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		String region = "cat-" + suffix;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Catalogue test region\"}");
		partnerA = id(send(post("/api/partners"), STEWARD, partner("Co-op A " + suffix)));
		partnerB = id(send(post("/api/partners"), STEWARD, partner("Co-op B " + suffix)));
		send(post("/api/accounts"), STEWARD, "{\"username\":\"cat-admin-" + suffix + "\",\"displayName\":\"A\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + partnerA + "\"}");
		adminA = httpBasic("cat-admin-" + suffix, PASSWORD);
		String siteA = id(send(post("/api/sites"), STEWARD, site(region, partnerA, "Rack A " + suffix)));
		String siteB = id(send(post("/api/sites"), STEWARD, site(region, partnerB, "Rack B " + suffix)));
		serverA = id(send(post("/api/servers"), STEWARD, server(partnerA, siteA)));
		serverB = id(send(post("/api/servers"), STEWARD, server(partnerB, siteB)));
	}

	@Test
	void the_public_can_ask_whether_a_licence_is_free() throws Exception {
		mvc.perform(get("/api/licences/evaluate").param("expression", "AGPL-3.0-or-later"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.free").value(true))
				.andExpect(jsonPath("$.reasons[0]").value(containsString("OSI-approved and FSF-libre")));
		mvc.perform(get("/api/licences/evaluate").param("expression", "MIT AND BUSL-1.1"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.free").value(false))
				.andExpect(jsonPath("$.reasons").value(hasItem(containsString("BUSL-1.1 is neither OSI-approved nor FSF-libre"))));
		mvc.perform(get("/api/licences/evaluate").param("expression", "Foo-Public-1.0"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.free").value(false));
	}

	@Test
	void garbage_gets_a_clear_400_problem_detail() throws Exception {
		mvc.perform(get("/api/licences/evaluate").param("expression", "(MIT OR"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.detail").value(containsString("'(MIT OR' is not a valid SPDX licence expression")));
		mvc.perform(get("/api/licences/evaluate"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("Give a licence expression")));
	}

	@Test
	void the_seeded_liberatory_licences_are_free() throws Exception {
		mvc.perform(get("/api/licences/evaluate").param("expression", "LicenseRef-Anti-Capitalist-1.4"))
				.andExpect(jsonPath("$.free").value(true));
		mvc.perform(get("/api/licences/evaluate").param("expression", "LicenseRef-Reticulum"))
				.andExpect(jsonPath("$.free").value(true));
	}

	@Test
	void a_steward_adds_a_liberatory_licence_and_it_then_counts() throws Exception {
		String id = "LicenseRef-Cooperative-Non-Violent-" + suffix;
		mvc.perform(get("/api/licences/evaluate").param("expression", id)).andExpect(jsonPath("$.free").value(false));
		String body = "{\"id\":\"" + id + "\",\"name\":\"Cooperative Non-Violent Public License\","
				+ "\"url\":\"https://thufie.lain.haus/NPL.html\",\"reason\":\"Decided at the general meeting\"}";
		mvc.perform(post("/api/licences/liberatory").with(adminA).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/licences/liberatory").with(STEWARD).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.addedBy").value("admin"));
		mvc.perform(post("/api/licences/liberatory").with(STEWARD).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isConflict());
		mvc.perform(get("/api/licences/evaluate").param("expression", id + " AND MIT")).andExpect(jsonPath("$.free").value(true));
		mvc.perform(get("/api/licences/liberatory")).andExpect(jsonPath("$[*].id").value(hasItem(id)));
	}

	@Test
	void a_liberatory_entry_must_be_a_licence_ref_or_a_listed_licence() throws Exception {
		mvc.perform(post("/api/licences/liberatory").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"Made-Up-1.0\",\"name\":\"Made up\",\"reason\":\"why not\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("'LicenseRef-...' identifier")));
	}

	@Test
	void stewards_keep_applications_and_each_carries_its_licence_verdict() throws Exception {
		String app = "{\"name\":\"Nextcloud " + suffix + "\",\"licence\":\"AGPL-3.0-or-later\",\"coveredByLoRes\":true}";
		mvc.perform(post("/api/applications").with(adminA).contentType(MediaType.APPLICATION_JSON).content(app))
				.andExpect(status().isForbidden());
		String created = send(post("/api/applications"), STEWARD, app);
		assertThat((Boolean) JsonPath.read(created, "$.licenceVerdict.free")).isTrue();
		assertThat((Boolean) JsonPath.read(created, "$.details.coveredByLoRes")).isTrue();
		mvc.perform(post("/api/applications").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Broken " + suffix + "\",\"licence\":\"MIT AND (\",\"coveredByLoRes\":false}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("is not a valid SPDX licence expression")));
		mvc.perform(post("/api/applications").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"No flag " + suffix + "\",\"licence\":\"MIT\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("coveredByLoRes")));
		String elastic = send(post("/api/applications"), STEWARD,
				"{\"name\":\"Elasticsearch " + suffix + "\",\"licence\":\"Elastic-2.0\",\"coveredByLoRes\":false}");
		assertThat((Boolean) JsonPath.read(elastic, "$.licenceVerdict.free")).isFalse();
		String page = mvc.perform(get("/api/applications").param("size", "200")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Boolean>>read(page, "$.items[?(@.details.name == 'Elasticsearch " + suffix
				+ "')].licenceVerdict.free")).containsExactly(false);
		assertThat(JsonPath.<List<Boolean>>read(page, "$.items[?(@.details.name == 'Nextcloud " + suffix
				+ "')].licenceVerdict.free")).containsExactly(true);
	}

	@Test
	void a_partner_admin_offers_services_only_on_its_own_servers() throws Exception {
		String app = id(send(post("/api/applications"), STEWARD,
				"{\"name\":\"Mastodon " + suffix + "\",\"licence\":\"AGPL-3.0-only\",\"coveredByLoRes\":true}"));
		String offering = id(send(post("/api/offerings"), adminA, offering(partnerA, serverA, app)));
		mvc.perform(get("/api/partners/" + partnerA + "/offerings")).andExpect(jsonPath("$[0].id").value(offering));
		mvc.perform(get("/api/servers/" + serverA + "/offerings")).andExpect(jsonPath("$[0].details.audience").value("GENERAL_PUBLIC"));
		mvc.perform(post("/api/offerings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(offering(partnerB, serverB, app)))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/offerings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(offering(partnerA, serverB, app)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("belongs to another partner")));
		mvc.perform(post("/api/offerings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(offering(partnerA, serverA, app)))
				.andExpect(status().isConflict());
	}

	@Test
	void an_offering_cannot_recommend_a_lores_option_it_does_not_have() throws Exception {
		String app = id(send(post("/api/applications"), STEWARD,
				"{\"name\":\"Discourse " + suffix + "\",\"licence\":\"GPL-2.0-only\",\"coveredByLoRes\":true}"));
		mvc.perform(post("/api/offerings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"partnerId\":\"" + partnerA + "\",\"serverId\":\"" + serverA + "\",\"applicationId\":\"" + app
						+ "\",\"audience\":\"everyone\",\"lowResOptionAvailable\":false,\"lowResOptionRecommended\":true}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("GENERAL_PUBLIC or MEMBERS_ONLY")));
		mvc.perform(post("/api/offerings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"partnerId\":\"" + partnerA + "\",\"serverId\":\"" + serverA + "\",\"applicationId\":\"" + app
						+ "\",\"audience\":\"MEMBERS_ONLY\",\"lowResOptionAvailable\":false,\"lowResOptionRecommended\":true}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.problems[0]").value(containsString("only recommend a LoRes option it makes available")));
	}

	private static String offering(String partner, String server, String app) {
		return "{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server + "\",\"applicationId\":\"" + app
				+ "\",\"audience\":\"GENERAL_PUBLIC\",\"lowResOptionAvailable\":true,\"lowResOptionRecommended\":true}";
	}

	private String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}

	static String id(String json) {
		Object id = JsonPath.read(json, "$.id");
		return id instanceof String s ? s : JsonPath.read(json, "$.id.value");
	}

	private static String partner(String name) {
		return "{\"legalName\":\"" + name + "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-"
				+ name.hashCode() + "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}";
	}

	private static String site(String region, String partnerId, String name) {
		return "{\"region\":\"" + region + "\",\"partnerId\":\"" + partnerId + "\",\"name\":\"" + name
				+ "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.8512,\"longitude\":144.9631}";
	}

	private static String server(String partnerId, String siteId) {
		return "{\"partnerId\":\"" + partnerId + "\",\"siteId\":\"" + siteId + "\",\"name\":\"srv\",\"role\":\"REGIONAL\","
				+ "\"nominalDrawW\":35,\"lowPowerDrawW\":12,\"batteryWh\":2000,\"renewablePeakW\":400}";
	}
}
