package coop.commonscloud.qualification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.StringJoiner;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Partners, accounts, sites, servers and telemetry for qualification tests, made through the API. */
final class QualificationFixtures {

	static final RequestPostProcessor STEWARD = httpBasic("admin", "steward-password-for-tests");
	static final String PASSWORD = "a-long-enough-password";

	private final MockMvc mvc;
	final String suffix = UUID.randomUUID().toString().substring(0, 8);
	final String region = "qual-" + suffix;

	QualificationFixtures(MockMvc mvc) throws Exception {
		this.mvc = mvc;
		send(put("/api/regions/" + region), STEWARD, "{\"name\":\"Qualification test region\"}");
	}

	String partner(String name, String structure) throws Exception {
		return id(send(post("/api/partners"), STEWARD, "{\"legalName\":\"" + name + " " + suffix + "\",\"structure\":\""
				+ structure + "\",\"registrationNumber\":\"C-" + UUID.randomUUID()
				+ "\",\"contacts\":[{\"name\":\"Ngaio\",\"role\":\"Secretary\",\"email\":\"sec@example.coop\"}]}"));
	}

	String account(String role, String partner) throws Exception {
		String username = "q-" + UUID.randomUUID().toString().substring(0, 8);
		send(post("/api/accounts"), STEWARD, "{\"username\":\"" + username + "\",\"displayName\":\"Q\",\"password\":\""
				+ PASSWORD + "\",\"role\":\"" + role + "\"" + (partner == null ? "" : ",\"partnerId\":\"" + partner + "\"") + "}");
		return username;
	}

	/** Signs in through the web form, as a browser does, and returns the signed-in session. */
	RequestPostProcessor webSession(String username, String password) throws Exception {
		MvcResult login = mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login").user(username).password(password)).andReturn();
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
		org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) login.getRequest()
				.getSession();
		return request -> {
			request.setSession(session);
			return request;
		};
	}

	RequestPostProcessor webSession(String username) throws Exception {
		return webSession(username, PASSWORD);
	}

	static RequestPostProcessor as(String username) {
		return httpBasic(username, PASSWORD);
	}

	String site(String partner) throws Exception {
		return id(send(post("/api/sites"), STEWARD, "{\"region\":\"" + region + "\",\"partnerId\":\"" + partner
				+ "\",\"name\":\"Site " + UUID.randomUUID() + "\",\"kind\":\"PARTNER_RACK\",\"latitude\":-37.85,\"longitude\":144.96}"));
	}

	String server(String partner, String site) throws Exception {
		return id(send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"siteId\":\"" + site
				+ "\",\"name\":\"srv-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"role\":\"REGIONAL\","
				+ "\"nominalDrawW\":40,\"lowPowerDrawW\":20,\"batteryWh\":5000,\"renewablePeakW\":400}"));
	}

	/**
	 * Two full days of 5-minute readings: the first fully renewable, the second 70 % renewable
	 * (30 W of 100 W from the grid), so the share is 85 %.
	 */
	void readingsAt85Percent(String server) throws Exception {
		declareSupply(server);
		readingsAt85PercentOnly(server);
	}

	/** Declares the supply of the server's site as generated on site. */
	void declareSupply(String server) throws Exception {
		send(put("/api/sites/" + JsonPath.read(get("/api/servers/" + server), "$.details.site") + "/power-supply"), STEWARD,
				"{\"kind\":\"ON_SITE\",\"description\":\"Solar roof\"}");
	}

	/** The readings of {@link #readingsAt85Percent}, without declaring the site's supply. */
	void readingsAt85PercentOnly(String server) throws Exception {
		LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(3);
		StringJoiner readings = new StringJoiner(",");
		for (int day = 0; day < 2; day++) {
			Instant start = first.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
			for (int i = 0; i < 288; i++) {
				int grid = day == 0 ? 0 : 30;
				readings.add("{\"at\":\"" + start.plusSeconds(300L * i) + "\",\"consumptionW\":100,\"renewableW\":" + (100 - grid)
						+ ",\"gridImportW\":" + grid + "}");
			}
		}
		send(post("/api/servers/" + server + "/readings"), STEWARD, "{\"readings\":[" + readings + "]}");
	}

	String get(String path) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)).andReturn().getResponse()
				.getContentAsString();
	}

	String send(MockHttpServletRequestBuilder request, RequestPostProcessor who, String body) throws Exception {
		MvcResult result = mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 201);
		return result.getResponse().getContentAsString();
	}

	static String id(String json) {
		return JsonPath.read(json, "$.id");
	}
}
