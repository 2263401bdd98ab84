package coop.commonscloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.infrastructure.PowerReading;
import coop.commonscloud.infrastructure.Server;
import coop.commonscloud.infrastructure.ServerDetails;
import coop.commonscloud.infrastructure.ServerRole;
import coop.commonscloud.infrastructure.SourcedReading;
import coop.commonscloud.infrastructure.Telemetry;
import coop.commonscloud.infrastructure.TelemetrySource;
import coop.commonscloud.platform.Paged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;

/** A server's page: its telemetry chart, and readings uploaded as CSV with a preview before they are stored. */
class TelemetryPagesTests extends WebPageTestSupport {

	@Autowired
	Telemetry telemetry;

	Server server;
	Server othersServer;
	LocalDate day;

	@BeforeEach
	void a_server_of_each_partner() {
		day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		server = asSteward(() -> servers.ofPartner(partner.id()).get(0));
		othersServer = asSteward(() -> servers.add(new ServerDetails(otherPartner.id(), null, "other-" + suffix,
				ServerRole.OFF_SITE_BACKUP, null, 20, 10, 0, 0, "Hoster Pty Ltd", 64500L)));
	}

	@Test
	void a_server_without_readings_shows_an_empty_chart_and_the_upload_form() throws Exception {
		Document page = page(mvc.perform(get("/manage/servers/" + server.id()).with(signedIn(adminName)))
				.andExpect(status().isOk()));
		SiteLayout.assertHasTheSiteLayout(page);
		assertThat(page.select("#no-readings").text()).isEqualTo("No readings in the last 30 days yet. Upload them below.");
		assertThat(page.select("#telemetry svg.energy-chart text").text()).startsWith("No readings from");
		assertThat(page.select("form#readings-form").attr("enctype")).isEqualTo("multipart/form-data");
		assertThat(page.select("form#readings-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("form#readings-form input[type=file][name=file]")).hasSize(1);
	}

	@Test
	void the_preview_shows_repeats_stored_duplicates_and_gaps_and_stores_nothing() throws Exception {
		store(reading(at("05:00"), 30));
		String csv = """
				at,consumption_w,renewable_w,grid_import_w,battery_wh
				%s,30,100,0,900
				%s,31,100,0,900
				%s,31,100,0,900
				%s,32,100,0,900
				""".formatted(at("05:00"), at("05:05"), at("05:05"), at("06:00"));
		Document page = page(mvc.perform(multipart("/manage/servers/" + server.id() + "/readings/preview")
						.file(new MockMultipartFile("file", "readings.csv", "text/csv", csv.getBytes()))
						.with(signedIn(adminName)).with(csrf()))
				.andExpect(status().isOk()));
		SiteLayout.assertHasTheSiteLayout(page);
		assertThat(page.select("#preview-received").text()).isEqualTo("4");
		assertThat(page.select("#preview-new").text()).isEqualTo("2");
		assertThat(page.select("#preview-repeats").text()).isEqualTo("1");
		assertThat(page.select("#preview-duplicates").text()).isEqualTo("1");
		assertThat(page.select("#preview-differing").text()).isEqualTo("0");
		assertThat(page.select("#preview-gaps").text()).isEqualTo("1, 50 min without readings");
		assertThat(page.select("#preview-gap-list tbody td").eachText())
				.containsExactly(at("05:10").toString(), at("06:00").toString(), "50 min");
		assertThat(page.select("form#store-readings-form input[type=hidden][name=readings]").val()).isEqualTo(csv);
		assertThat(page.select("form#store-readings-form input[name=_csrf]")).hasSize(1);
		assertThat(page.select("#correction")).as("no correction to offer").isEmpty();
		assertThat(storedReadings()).as("a preview stores nothing").isEqualTo(1);
	}

	@Test
	void the_previewed_text_is_stored_and_the_chart_shows_its_day() throws Exception {
		String csv = "at,consumption_w,renewable_w,grid_import_w\n" + at("05:00") + ",30,100,0\n" + at("05:05") + ",30,100,0\n";
		mvc.perform(multipart("/manage/servers/" + server.id() + "/readings").param("readings", csv)
						.with(signedIn(adminName)).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/manage/servers/" + server.id()))
				.andExpect(flash().attribute("notice", "Readings stored: 2 new, 0 corrected, 0 already stored or repeated"));
		assertThat(storedReadings()).isEqualTo(2);
		Document page = page(mvc.perform(get("/manage/servers/" + server.id()).with(signedIn(adminName)))
				.andExpect(status().isOk()));
		assertThat(page.select("#telemetry svg.energy-chart g.energy-day[data-day=%s] rect".formatted(day))).hasSize(2);
		assertThat(page.select("#telemetry svg.energy-chart g.energy-day")).hasSize(1);
		assertThat(page.select("table#power-days tbody th").eachText()).containsExactly(day.toString());
		assertThat(page.select("#no-readings")).isEmpty();
	}

	@Test
	void a_refused_upload_comes_back_on_the_server_page_with_the_problem_and_the_text() throws Exception {
		String csv = "at,consumption_w,renewable_w,grid_import_w\n" + at("05:00") + ",30,100,0\nyesterday,30,100,0\n";
		Document page = page(mvc.perform(multipart("/manage/servers/" + server.id() + "/readings/preview")
						.param("readings", csv).with(signedIn(adminName)).with(csrf()))
				.andExpect(status().isOk()));
		SiteLayout.assertHasTheSiteLayout(page);
		assertThat(page.select("[role=alert] li").eachText())
				.containsExactly("line 3: 'yesterday' is not a time with offset, such as 2026-11-21T05:00:00Z");
		assertThat(page.select("textarea[name=readings]").val()).isEqualTo(csv.strip());
		assertThat(page.select("input[name=name]").val()).as("the server's own form is there too")
				.isEqualTo(server.details().name());
		assertThat(storedReadings()).isZero();
	}

	@Test
	void a_reading_that_differs_from_the_stored_one_is_refused_unless_stored_as_a_correction() throws Exception {
		store(reading(at("05:00"), 30));
		String csv = "at,consumption_w,renewable_w,grid_import_w,battery_wh\n" + at("05:00") + ",45,100,0,900\n";
		Document preview = page(mvc.perform(multipart("/manage/servers/" + server.id() + "/readings/preview")
						.param("readings", csv).with(signedIn(adminName)).with(csrf()))
				.andExpect(status().isOk()));
		assertThat(preview.select("#preview-differing").text()).isEqualTo("1");
		assertThat(preview.select("#preview-differing-list tbody td").eachText())
				.containsExactly(at("05:00").toString(), "30.0, 100.0, 0.0", "45.0, 100.0, 0.0");
		assertThat(preview.select("label[for=correction]").text()).startsWith("Replace the 1 stored readings that differ");

		Document refused = page(mvc.perform(multipart("/manage/servers/" + server.id() + "/readings")
						.param("readings", csv).with(signedIn(adminName)).with(csrf()))
				.andExpect(status().isOk()));
		assertThat(refused.select("[role=alert] li").text()).contains("differ from the readings stored for the same time")
				.contains("nothing was stored");
		assertThat(refused.select("textarea[name=readings]").val()).isEqualTo(csv.strip());

		mvc.perform(multipart("/manage/servers/" + server.id() + "/readings")
						.param("readings", csv).param("correction", "true").with(signedIn(adminName)).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("notice", "Readings stored: 0 new, 1 corrected, 0 already stored or repeated"));
		assertThat(asSteward(() -> telemetry.readings(TelemetrySource.server(server.id()), at("00:00"),
				at("00:00").plusSeconds(86_400), new Paged.Request(0, 10)).items().get(0).consumptionW())).isEqualTo(45.0);
	}

	@Test
	void another_partners_admin_may_not_see_check_or_store_readings_of_the_server() throws Exception {
		String csv = "at,consumption_w,renewable_w,grid_import_w\n" + at("05:00") + ",30,100,0\n";
		mvc.perform(get("/manage/servers/" + othersServer.id()).with(signedIn(adminName)))
				.andExpect(status().isForbidden());
		mvc.perform(multipart("/manage/servers/" + othersServer.id() + "/readings/preview")
						.param("readings", "not,a,csv").with(signedIn(adminName)).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(multipart("/manage/servers/" + othersServer.id() + "/readings")
						.param("readings", csv).with(signedIn(adminName)).with(csrf()))
				.andExpect(status().isForbidden());
		assertThat(asSteward(() -> telemetry.readings(TelemetrySource.server(othersServer.id()), at("00:00"),
				at("00:00").plusSeconds(86_400), new Paged.Request(0, 10)).totalItems())).isZero();
	}

	@Test
	void a_steward_checks_readings_of_any_partners_server() throws Exception {
		String csv = "at,consumption_w,renewable_w,grid_import_w\n" + at("05:00") + ",30,100,0\n";
		Document page = page(mvc.perform(multipart("/manage/servers/" + othersServer.id() + "/readings/preview")
						.param("readings", csv).with(signedIn("admin")).with(csrf()))
				.andExpect(status().isOk()));
		assertThat(page.select("#preview-new").text()).isEqualTo("1");
	}

	private Instant at(String time) {
		return Instant.parse(day + "T" + time + ":00Z");
	}

	private static PowerReading reading(Instant at, double consumption) {
		return new PowerReading(at, consumption, 100, 0, 900.0);
	}

	private void store(PowerReading reading) {
		asSteward(() -> telemetry.ingest(List.of(new SourcedReading(TelemetrySource.server(server.id()), reading)), false));
	}

	private long storedReadings() {
		return asSteward(() -> telemetry.readings(TelemetrySource.server(server.id()), at("00:00"),
				at("00:00").plusSeconds(86_400), new Paged.Request(0, 10)).totalItems());
	}

	private static <T> T asSteward(Supplier<T> action) {
		SecurityContextHolder.getContext().setAuthentication(STEWARD);
		try {
			return action.get();
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
