package coop.commonscloud.infrastructure.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The outage simulation from a site's servers and its telemetry history, and real drills. */
@SpringBootTest
@AutoConfigureMockMvc
class ResilienceApiTests {

	static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

	@Autowired
	MockMvc mvc;

	TelemetryFixtures fixtures;
	String partner;
	RequestPostProcessor admin;

	@BeforeEach
	void a_partner() throws Exception {
		fixtures = new TelemetryFixtures(mvc);
		partner = fixtures.partner("Battery co-op");
		admin = fixtures.admin(partner);
	}

	/** Four complete days of site readings: a sunny day, then three dark ones. */
	void sunnyThenThreeDarkDays(String site) throws Exception {
		sunnyThenDarkDays(site, 3);
	}

	void sunnyThenDarkDays(String site, int dark) throws Exception {
		StringBuilder csv = new StringBuilder("at,consumption_w,renewable_w,grid_import_w,battery_wh\n");
		for (int i = 0; i < (1 + dark) * 288; i++) {
			Instant at = START.plusSeconds(i * 300L);
			csv.append(at).append(",10,").append(i < 288 ? "100" : "0").append(",0,500\n");
		}
		mvc.perform(post("/api/sites/" + site + "/readings").with(admin).contentType("text/csv").content(csv.toString()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value((1 + dark) * 288));
	}

	@Test
	void a_battery_exactly_enough_for_the_three_darkest_days_passes_with_nothing_left() throws Exception {
		String site = fixtures.site(partner);
		fixtures.server(partner, site, 6, 500);
		fixtures.server(partner, site, 4, 220);
		sunnyThenThreeDarkDays(site);
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2026-05-10T00:00:00Z"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.outcome").value("PASSES"))
				.andExpect(jsonPath("$.batteryCapacityWh").value(720.0))
				.andExpect(jsonPath("$.lowPowerDrawW").value(10.0))
				.andExpect(jsonPath("$.lowestStateOfChargeWh").value(0.0))
				.andExpect(jsonPath("$.worstPeriodFrom").value("2026-05-02"))
				.andExpect(jsonPath("$.worstPeriodTo").value("2026-05-04"))
				.andExpect(jsonPath("$.endurance").value("PT72H"));
	}

	@Test
	void one_watt_hour_short_fails_and_says_when_it_ran_out() throws Exception {
		String site = fixtures.site(partner);
		fixtures.server(partner, site, 6, 500);
		fixtures.server(partner, site, 4, 219);
		sunnyThenThreeDarkDays(site);
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2026-05-10T00:00:00Z"))
				.andExpect(jsonPath("$.outcome").value("FAILS"))
				.andExpect(jsonPath("$.ranOutAfter").value("PT71H54M"))
				.andExpect(jsonPath("$.shortfallWh").value(1.0))
				.andExpect(jsonPath("$.explanation").value(containsString("ran out after PT71H54M")));
	}

	@Test
	void a_longer_endurance_parameter_asks_more_of_the_same_battery() throws Exception {
		String site = fixtures.site(partner);
		fixtures.server(partner, site, 10, 720);
		sunnyThenDarkDays(site, 4);
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2026-05-10T00:00:00Z"))
				.andExpect(jsonPath("$.outcome").value("PASSES"))
				.andExpect(jsonPath("$.lowestStateOfChargeWh").value(0.0));
		// far in the future, so that no other test sees it: 96 h from 2030 on (the history searched reaches back ten years)
		mvc.perform(post("/api/parameters/resilience.outage-endurance").with(TelemetryFixtures.STEWARD)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":96,\"effectiveFrom\":\"2030-01-01T00:00:00Z\",\"reason\":\"Test: four days\"}"))
				.andExpect(status().is2xxSuccessful());
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2030-01-02T00:00:00Z"))
				.andExpect(jsonPath("$.endurance").value("PT96H"))
				.andExpect(jsonPath("$.outcome").value("FAILS"))
				.andExpect(jsonPath("$.worstPeriodFrom").value("2026-05-02"))
				.andExpect(jsonPath("$.worstPeriodTo").value("2026-05-05"))
				.andExpect(jsonPath("$.ranOutAfter").value("PT72H"))
				.andExpect(jsonPath("$.shortfallWh").value(240.0));
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2026-05-10T00:00:00Z"))
				.andExpect(jsonPath("$.endurance").value("PT72H"));
	}

	@Test
	void only_the_servers_kept_up_draw_from_the_battery() throws Exception {
		String site = fixtures.site(partner);
		String big = fixtures.server(partner, site, 6, 500);
		fixtures.server(partner, site, 4, 219);
		sunnyThenThreeDarkDays(site);
		// 719 Wh for 6 W over 72 h (432 Wh) leaves 287 Wh
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2026-05-10T00:00:00Z")
				.param("keptUp", big))
				.andExpect(jsonPath("$.outcome").value("PASSES"))
				.andExpect(jsonPath("$.lowestStateOfChargeWh").value(287.0));
	}

	@Test
	void without_three_complete_days_of_history_there_is_nothing_to_simulate() throws Exception {
		String site = fixtures.site(partner);
		fixtures.server(partner, site, 6, 500);
		mvc.perform(get("/api/sites/" + site + "/outage-endurance").param("asOf", "2026-05-10T00:00:00Z"))
				.andExpect(jsonPath("$.outcome").value("NOT_ENOUGH_TELEMETRY"))
				.andExpect(jsonPath("$.explanation").value(containsString("no run of 3 consecutive complete days")));
	}

	@Test
	void a_partner_declares_where_its_sites_supply_comes_from() throws Exception {
		String site = fixtures.site(partner);
		mvc.perform(get("/api/sites/" + site + "/power-supply")).andExpect(status().isNotFound());
		mvc.perform(put("/api/sites/" + site + "/power-supply").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"ON_SITE\",\"description\":\"4.2 kW on the roof\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("ON_SITE"));
		mvc.perform(put("/api/sites/" + site + "/power-supply").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"COMMUNITY_INSTALLATION\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("Name the community installation")));
		mvc.perform(put("/api/sites/" + site + "/power-supply").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"COMMUNITY_INSTALLATION\",\"installationName\":\"Brunswick community solar\"}"))
				.andExpect(status().isOk());
		mvc.perform(get("/api/sites/" + site + "/power-supply"))
				.andExpect(jsonPath("$.installationName").value("Brunswick community solar"));
		mvc.perform(get("/api/sites/" + site + "/power-supply/history"))
				.andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[1].kind").value("ON_SITE"));
		RequestPostProcessor stranger = fixtures.admin(fixtures.partner("Other co-op"));
		mvc.perform(put("/api/sites/" + site + "/power-supply").with(stranger).contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"ON_SITE\"}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void a_partner_records_a_real_drill_at_its_own_site_only() throws Exception {
		String site = fixtures.site(partner);
		String server = fixtures.server(partner, site, 6, 500);
		String drill = "{\"startedAt\":\"2026-05-01T08:00:00Z\",\"endedAt\":\"2026-05-04T08:00:00Z\",\"serversKeptUp\":[\""
				+ server + "\"],\"result\":\"PASSED\",\"notes\":\"Main breaker off for 72 h; Nextcloud LoRes stayed up\"}";
		mvc.perform(post("/api/sites/" + site + "/outage-drills").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content(drill))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.result").value("PASSED"))
				.andExpect(jsonPath("$.serversKeptUp[0]").value(server));
		mvc.perform(get("/api/sites/" + site + "/outage-drills"))
				.andExpect(jsonPath("$[0].notes").value(containsString("72 h")))
				.andExpect(jsonPath("$[0].recordedBy").exists());
		RequestPostProcessor stranger = fixtures.admin(fixtures.partner("Other co-op"));
		mvc.perform(post("/api/sites/" + site + "/outage-drills").with(stranger).contentType(MediaType.APPLICATION_JSON)
				.content(drill))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/sites/" + site + "/outage-drills").with(admin).contentType(MediaType.APPLICATION_JSON)
				.content(drill.replace("2026-05-04T08:00:00Z", "2026-04-30T08:00:00Z")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("ends after it starts")));
	}
}
