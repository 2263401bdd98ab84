package coop.commonscloud.infrastructure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class TelemetryApiTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	TelemetryFixtures fixtures;
	String serverA;
	String serverB;
	String siteB;
	RequestPostProcessor adminA;

	@BeforeEach
	void two_partners_each_with_a_server() throws Exception {
		fixtures = new TelemetryFixtures(mvc);
		String partnerA = fixtures.partner("Co-op A");
		String partnerB = fixtures.partner("Co-op B");
		adminA = fixtures.admin(partnerA);
		serverA = fixtures.server(partnerA, fixtures.site(partnerA), 12, 1000);
		siteB = fixtures.site(partnerB);
		serverB = fixtures.server(partnerB, siteB, 12, 1000);
	}

	static String batch(String source, String at) {
		return "{\"readings\":[{" + source + "\"at\":\"" + at + "\",\"consumptionW\":35.5,\"renewableW\":120,"
				+ "\"gridImportW\":0,\"batteryWh\":1800}]}";
	}

	@Test
	void a_partner_admin_posts_readings_for_its_own_server() throws Exception {
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(batch("\"serverId\":\"" + serverA + "\",", "2026-06-01T00:00:00Z")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(1))
				.andExpect(jsonPath("$.daysRecomputed").value(1));
		mvc.perform(post("/api/servers/" + serverA + "/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(batch("", "2026-06-01T00:00:00Z")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(0))
				.andExpect(jsonPath("$.duplicates").value(1));
		mvc.perform(post("/api/servers/" + serverA + "/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(batch("", "2026-06-01T10:05:00+10:00")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(1));
		mvc.perform(get("/api/servers/" + serverA + "/renewable-share").param("asOf", "2026-06-02T00:00:00Z"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.sharePercent").value(100.0))
				.andExpect(jsonPath("$.daysWithData").value(1))
				.andExpect(jsonPath("$.firstReading").value("2026-06-01T00:00:00Z"));
		mvc.perform(get("/api/servers/" + serverA + "/power-days").param("from", "2026-06-01").param("to", "2026-06-02"))
				.andExpect(jsonPath("$[0].day").value("2026-06-01"))
				.andExpect(jsonPath("$[0].readings").value(2));
	}

	@Test
	void a_partner_admin_cannot_post_readings_for_another_partners_server_or_site() throws Exception {
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(batch("\"serverId\":\"" + serverB + "\",", "2026-06-01T00:00:00Z")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Not permitted"));
		mvc.perform(post("/api/servers/" + serverB + "/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(batch("", "2026-06-01T00:00:00Z")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/sites/" + siteB + "/readings").with(adminA).contentType("text/csv")
				.content("at,consumption_w,renewable_w,grid_import_w\n2026-06-01T00:00:00Z,1,1,0\n"))
				.andExpect(status().isForbidden());
		// one foreign reading in a batch refuses the whole batch
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"readings\":[{\"serverId\":\"" + serverA + "\",\"at\":\"2026-06-01T00:05:00Z\",\"consumptionW\":1,"
						+ "\"renewableW\":1,\"gridImportW\":0},{\"serverId\":\"" + serverB + "\",\"at\":\"2026-06-01T00:05:00Z\","
						+ "\"consumptionW\":1,\"renewableW\":1,\"gridImportW\":0}]}"))
				.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from power_reading where source_id in (cast(? as uuid), cast(? as uuid))")
				.params(serverA, serverB).query(Long.class).single()).isZero();
	}

	@Test
	void the_api_documentation_describes_telemetry_licences_and_the_catalogue() throws Exception {
		mvc.perform(get("/v3/api-docs"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/telemetry/readings'].post").exists())
				.andExpect(jsonPath("$.paths['/api/servers/{id}/renewable-share'].get").exists())
				.andExpect(jsonPath("$.paths['/api/sites/{id}/outage-endurance'].get").exists())
				.andExpect(jsonPath("$.paths['/api/licences/evaluate'].get").exists())
				.andExpect(jsonPath("$.paths['/api/offerings'].post").exists());
	}

	@Test
	void the_public_cannot_post_readings() throws Exception {
		mvc.perform(post("/api/telemetry/readings").contentType(MediaType.APPLICATION_JSON)
				.content(batch("\"serverId\":\"" + serverA + "\",", "2026-06-01T00:00:00Z")))
				.andExpect(status().isUnauthorized());
	}

	@Test
	void invalid_readings_get_problem_details_naming_each_reading() throws Exception {
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"readings\":[{\"serverId\":\"" + serverA + "\",\"at\":\"2026-06-01T00:00:00Z\",\"consumptionW\":-5,"
						+ "\"renewableW\":1,\"gridImportW\":0},{\"serverId\":\"" + serverA + "\",\"consumptionW\":1,"
						+ "\"gridImportW\":0}]}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.problems[0]").value(containsString("reading 1: consumptionW must be a number from 0")))
				.andExpect(jsonPath("$.problems[1]").value(containsString("reading 2: renewableW is missing")));
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"readings\":[{\"serverId\":\"" + UUID.randomUUID() + "\",\"at\":\"2026-06-01T00:00:00Z\","
						+ "\"consumptionW\":1,\"renewableW\":1,\"gridImportW\":0}]}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("There is no server")));
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content("{\"readings\":[{\"serverId\":\"" + serverA + "\",\"at\":\"yesterday\"}]}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("Send readings as")));
	}

	@Test
	void readings_come_in_as_csv_too_with_problems_reported_by_line() throws Exception {
		String csv = "server_id,at,consumption_w,renewable_w,grid_import_w,battery_wh\n"
				+ serverA + ",2026-06-01T00:00:00Z,40,40,0,900\n"
				+ serverA + ",2026-06-01T00:05:00+00:00,40,20,20,\n";
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType("text/csv").content(csv))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(2));
		mvc.perform(get("/api/servers/" + serverA + "/renewable-share").param("asOf", "2026-06-01T12:00:00Z"))
				.andExpect(jsonPath("$.sharePercent").value(75.0));
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType("text/csv")
				.content("server_id,at,consumption_w,renewable_w,grid_import_w\n" + serverA + ",2026-06-01T00:10:00Z,abc,1,0\n"
						+ serverA + ",not-a-time,1,1,0\n"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.problems[0]").value(containsString("line 2: consumption_w 'abc' is not a number")))
				.andExpect(jsonPath("$.problems[1]").value(containsString("line 3: 'not-a-time' is not a time")));
		mvc.perform(post("/api/telemetry/readings").with(adminA).contentType("text/csv")
				.content("at,consumption_w,renewable_w,grid_import_w\n2026-06-01T00:10:00Z,1,1,0\n"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("'server_id' or 'site_id'")));
	}

	@Test
	void a_csv_file_can_be_uploaded_as_a_form() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "readings.csv", "text/csv",
				("at,consumption_w,renewable_w,grid_import_w,server_id\n2026-06-01T00:00:00Z,10,10,0," + serverA + "\n").getBytes());
		mvc.perform(multipart("/api/telemetry/readings").file(file).with(adminA))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(1));
	}

	@Test
	void a_changed_reading_answers_409_until_sent_as_a_correction() throws Exception {
		mvc.perform(post("/api/servers/" + serverA + "/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(batch("", "2026-06-01T00:00:00Z"))).andExpect(status().isOk());
		String changed = "{\"readings\":[{\"at\":\"2026-06-01T00:00:00Z\",\"consumptionW\":35.5,\"renewableW\":0,"
				+ "\"gridImportW\":35.5}]}";
		mvc.perform(post("/api/servers/" + serverA + "/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(changed))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(containsString("\"correction\": true")));
		mvc.perform(post("/api/servers/" + serverA + "/readings").with(adminA).contentType(MediaType.APPLICATION_JSON)
				.content(changed.replace("{\"readings\"", "{\"correction\":true,\"readings\"")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.corrected").value(1));
		mvc.perform(get("/api/servers/" + serverA + "/reading-corrections").param("from", "2026-06-01T00:00:00Z")
				.param("to", "2026-06-02T00:00:00Z"))
				.andExpect(jsonPath("$[0].before.renewableW").value(120.0))
				.andExpect(jsonPath("$[0].after.renewableW").value(0.0))
				.andExpect(jsonPath("$[0].correctedBy").value(org.hamcrest.Matchers.startsWith("tel-")));
		mvc.perform(get("/api/servers/" + serverA + "/readings").param("from", "2026-06-01T00:00:00Z")
				.param("to", "2026-06-02T00:00:00Z"))
				.andExpect(jsonPath("$.totalItems").value(1))
				.andExpect(jsonPath("$.items[0].gridImportW").value(35.5));
	}

	@Test
	void reading_lists_page_and_refuse_backwards_ranges() throws Exception {
		StringBuilder csv = new StringBuilder("at,consumption_w,renewable_w,grid_import_w\n");
		for (int i = 0; i < 30; i++) {
			csv.append(java.time.Instant.parse("2026-06-01T00:00:00Z").plusSeconds(300L * i)).append(",10,10,0\n");
		}
		mvc.perform(post("/api/servers/" + serverA + "/readings").with(adminA).contentType("text/csv").content(csv.toString()))
				.andExpect(jsonPath("$.stored").value(30));
		mvc.perform(get("/api/servers/" + serverA + "/readings").param("from", "2026-06-01T00:00:00Z")
				.param("to", "2026-06-02T00:00:00Z").param("page", "1").param("size", "20"))
				.andExpect(jsonPath("$.totalItems").value(30))
				.andExpect(jsonPath("$.items.length()").value(10))
				.andExpect(jsonPath("$.items[0].at").value("2026-06-01T01:40:00Z"));
		mvc.perform(get("/api/servers/" + serverA + "/readings").param("from", "2026-06-02T00:00:00Z")
				.param("to", "2026-06-01T00:00:00Z"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("must be before")));
	}
}
