package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who may change what: stewards everything, a partner admin only its own partner, the public nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationTests {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String suffix;
	String region;
	String partnerA;
	String partnerB;
	String siteB;
	String serverA;
	String serverB;
	RequestPostProcessor adminA;
	RequestPostProcessor member;

	@BeforeEach
	void two_partners_with_a_site_and_a_server_each() throws Exception {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		region = "auth-" + suffix;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Authorization test region\"}");
		partnerA = id(send(post("/api/partners"), STEWARD, partner("Co-op A " + suffix)));
		partnerB = id(send(post("/api/partners"), STEWARD, partner("Co-op B " + suffix)));
		send(post("/api/accounts"), STEWARD, account("admin-a-" + suffix, "PARTNER_ADMIN", partnerA));
		send(post("/api/accounts"), STEWARD, account("member-" + suffix, "MEMBER", null));
		adminA = httpBasic("admin-a-" + suffix, PASSWORD);
		member = httpBasic("member-" + suffix, PASSWORD);
		String siteA = id(send(post("/api/sites"), STEWARD, site(partnerA, "Rack A " + suffix, "PARTNER_RACK")));
		siteB = id(send(post("/api/sites"), STEWARD, site(partnerB, "Home B " + suffix, "HOME")));
		serverA = id(send(post("/api/servers"), adminA, server(partnerA, siteA, "alpha")));
		serverB = id(send(post("/api/servers"), STEWARD, server(partnerB, siteB, "bravo")));
	}

	@Test
	void a_partner_admin_cannot_change_another_partners_server() throws Exception {
		String before = serverRow(serverB);
		mvc.perform(put("/api/servers/" + serverB).with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(server(partnerB, siteB, "hijacked")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.title").value("Not permitted"));
		mvc.perform(put("/api/servers/" + serverB).with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(server(partnerA, null, "taken over").replace("\"REGIONAL\"", "\"DNS\"")
						.replace("\"siteId\":null", "\"siteId\":null,\"hostingCompany\":\"Local DNS Co\",\"asn\":64500")))
				.andExpect(status().isForbidden());
		assertThat(serverRow(serverB)).isEqualTo(before);
	}

	@Test
	void a_partner_admin_cannot_add_servers_sites_or_details_for_another_partner() throws Exception {
		mvc.perform(post("/api/servers").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(server(partnerB, siteB, "sneaky"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/sites").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(site(partnerB, "Sneaky site " + suffix, "LIBRARY"))).andExpect(status().isForbidden());
		mvc.perform(put("/api/partners/" + partnerB).with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(partner("Renamed B " + suffix))).andExpect(status().isForbidden());
		mvc.perform(post("/api/partners").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(partner("New co-op " + suffix))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from server where name = 'sneaky'").query(Long.class).single()).isZero();
	}

	@Test
	void a_partner_admin_cannot_put_its_server_on_another_partners_site() throws Exception {
		mvc.perform(put("/api/servers/" + serverA).with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(server(partnerA, siteB, "alpha")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("belongs to another partner")));
	}

	@Test
	void a_partner_admin_manages_its_own_server() throws Exception {
		mvc.perform(put("/api/servers/" + serverA).with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(server(partnerA, null, "alpha-renamed").replace("\"REGIONAL\"", "\"DNS\"")
						.replace("\"siteId\":null", "\"siteId\":null,\"hostingCompany\":\"Local DNS Co\",\"asn\":64500")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.details.name").value("alpha-renamed"));
	}

	@Test
	void members_and_partner_admins_cannot_do_steward_work() throws Exception {
		for (RequestPostProcessor who : List.of(adminA, member)) {
			mvc.perform(put("/api/regions/" + region).with(who).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"Taken\"}")).andExpect(status().isForbidden());
			mvc.perform(post("/api/parameters/locality.allowance").with(who).contentType(MediaType.APPLICATION_JSON)
					.content("{\"value\":50000,\"reason\":\"because\"}")).andExpect(status().isForbidden());
			mvc.perform(post("/api/accounts").with(who).contentType(MediaType.APPLICATION_JSON)
					.content(account("intruder-" + UUID.randomUUID().toString().substring(0, 6), "STEWARD", null)))
					.andExpect(status().isForbidden());
		}
		assertThat(jdbc.sql("select name from region where slug = :slug").param("slug", region).query(String.class).single())
				.isEqualTo("Authorization test region");
	}

	@Test
	void contacts_and_home_addresses_are_private() throws Exception {
		mvc.perform(get("/api/partners/" + partnerB)).andExpect(jsonPath("$.contacts").isEmpty());
		mvc.perform(get("/api/partners/" + partnerB).with(adminA)).andExpect(jsonPath("$.contacts").isEmpty());
		mvc.perform(get("/api/partners/" + partnerA).with(adminA)).andExpect(jsonPath("$.contacts[0].email").exists());
		mvc.perform(get("/api/sites/" + siteB))
				.andExpect(jsonPath("$.address").doesNotExist())
				.andExpect(jsonPath("$.coordinates.latitude").value(-37.85));
		mvc.perform(get("/api/sites/" + siteB).with(STEWARD))
				.andExpect(jsonPath("$.address").value("1 Private Lane"))
				.andExpect(jsonPath("$.coordinates.latitude").value(-37.8512));
	}

	/** Forms the public must be able to post; they still may not change anything with an empty request. */
	static final java.util.Set<String> PUBLIC_FORMS = java.util.Set.of("POST /sign-up", "POST /password-reset",
			"POST /password-reset/new");

	@Test
	void the_public_cannot_write_anything() throws Exception {
		List<String> endpoints = new ArrayList<>();
		// the setup's events are handled after its commit: count once their listeners have written what they write
		long rowsBefore = settledRowsInAllTables();
		for (var entry : mappings.getHandlerMethods().entrySet()) {
			var info = entry.getKey();
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
					continue;
				}
				for (String pattern : info.getPatternValues()) {
					String path = pattern.replaceAll("\\{slug}", region).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
					MvcResult result = mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(csrf())
							.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn();
					int status = result.getResponse().getStatus();
					String redirect = result.getResponse().getRedirectedUrl();
					if (PUBLIC_FORMS.contains(method + " " + pattern)) {
						assertThat(status).as(method + " " + path).isLessThan(500);
						endpoints.add(method + " " + pattern);
						continue;
					}
					boolean refused = path.startsWith("/api/") ? status == 401
							: status == 401 || status == 403 || (status == 302 && redirect != null && redirect.contains("/login"));
					assertThat(refused).as(method + " " + path + " answered " + status + " " + redirect).isTrue();
					endpoints.add(method + " " + pattern);
				}
			}
		}
		assertThat(endpoints).as("write endpoints checked").hasSizeGreaterThanOrEqualTo(8);
		assertThat(rowsInAllTables()).isEqualTo(rowsBefore);
	}

	private long settledRowsInAllTables() throws InterruptedException {
		long previous = rowsInAllTables();
		for (int i = 0; i < 60; i++) {
			Thread.sleep(500);
			long now = rowsInAllTables();
			if (now == previous) {
				return now;
			}
			previous = now;
		}
		return previous;
	}

	private long rowsInAllTables() {
		long total = 0;
		for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list()) {
			total += jdbc.sql("select count(*) from \"" + table + "\"").query(Long.class).single();
		}
		return total;
	}

	private String serverRow(String id) {
		return jdbc.sql("select row_to_json(s)::text from server s where id = cast(:id as uuid)").param("id", id)
				.query(String.class).single();
	}

	private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}

	private static String id(String json) {
		Object id = JsonPath.read(json, "$.id");
		return id instanceof String s ? s : JsonPath.read(json, "$.id.value");
	}

	private static String partner(String name) {
		return "{\"legalName\":\"" + name + "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-"
				+ name.hashCode() + "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}";
	}

	private static String account(String username, String role, String partnerId) {
		return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"password\":\"" + PASSWORD
				+ "\",\"role\":\"" + role + "\",\"partnerId\":" + (partnerId == null ? "null" : "\"" + partnerId + "\"") + "}";
	}

	private String site(String partnerId, String name, String kind) {
		return "{\"region\":\"" + region + "\",\"partnerId\":\"" + partnerId + "\",\"name\":\"" + name + "\",\"kind\":\""
				+ kind + "\",\"latitude\":-37.8512,\"longitude\":144.9631,\"address\":\"1 Private Lane\"}";
	}

	private static String server(String partnerId, String siteId, String name) {
		return "{\"partnerId\":\"" + partnerId + "\",\"siteId\":" + (siteId == null ? "null" : "\"" + siteId + "\"")
				+ ",\"name\":\"" + name + "\",\"role\":\"REGIONAL\",\"hardware\":\"ThinkCentre M720q, 32 GB\","
				+ "\"nominalDrawW\":35,\"lowPowerDrawW\":12,\"batteryWh\":2000,\"renewablePeakW\":400}";
	}
}
