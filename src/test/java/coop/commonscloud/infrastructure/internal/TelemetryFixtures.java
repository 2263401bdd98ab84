package coop.commonscloud.infrastructure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Partners, sites, servers and accounts for telemetry tests, made through the API as a steward would. */
final class TelemetryFixtures {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	private final MockMvc mvc;
	final String suffix = UUID.randomUUID().toString().substring(0, 8);
	final String region = "tel-" + suffix;

	TelemetryFixtures(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Telemetry test region\"}");
	}

	String partner(String name) throws Exception {
		return id(send(post("/api/partners"), STEWARD, "{\"legalName\":\"" + name + " " + suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"C-" + UUID.randomUUID()
				+ "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}"));
	}

	RequestPostProcessor admin(String partner) throws Exception {
		String username = "tel-" + UUID.randomUUID().toString().substring(0, 8);
		send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"A\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"PARTNER_ADMIN\",\"partnerId\":\"" + partner + "\"}");
		return httpBasic(username, PASSWORD);
	}

	String site(String partner) throws Exception {
		return id(send(post("/api/sites"), STEWARD, "{\"region\":\"" + region + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Site " + UUID.randomUUID() + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
	}

	String server(String partner, String site, int lowPowerDrawW, int batteryWh) throws Exception {
		return id(send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"srv-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"REGIONAL\","
				+ "\"nominalDrawW\":" + Math.max(lowPowerDrawW, 35) + ",\"lowPowerDrawW\":" + lowPowerDrawW + ",\"batteryWh\":"
				+ batteryWh + ",\"renewablePeakW\":400}"));
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
