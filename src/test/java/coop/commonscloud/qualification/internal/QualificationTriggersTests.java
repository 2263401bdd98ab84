package coop.commonscloud.qualification.internal;

import static coop.commonscloud.qualification.internal.QualificationFixtures.STEWARD;
import static coop.commonscloud.qualification.internal.QualificationFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every input a verdict depends on re-evaluates it, through the API as a partner would change it:
 * nobody presses "Check again now" (no test here calls the evaluation endpoint).
 */
@SpringBootTest
@AutoConfigureMockMvc
class QualificationTriggersTests {

	@Autowired
	MockMvc mvc;

	QualificationFixtures f;
	String partner;

	@BeforeEach
	void a_partner() throws Exception {
		f = new QualificationFixtures(mvc);
		partner = f.partner("Triggers Co-op", "REGISTERED_COOPERATIVE");
	}

	/** The partner's latest verdict on one criterion for one subject, as the public API gives it; null while there is none. */
	String verdict(String criterion, String subject) throws Exception {
		String json = mvc.perform(get("/api/qualification/partners/" + partner + "/verdicts")).andReturn().getResponse()
				.getContentAsString();
		List<String> found = JsonPath.read(json, "$[?(@.criterion=='" + criterion + "' && @.subjectId=='" + subject + "')].verdict");
		return found.isEmpty() ? null : found.get(0);
	}

	List<String> reasons(String criterion, String subject) throws Exception {
		String json = mvc.perform(get("/api/qualification/partners/" + partner + "/verdicts")).andReturn().getResponse()
				.getContentAsString();
		List<List<String>> found = JsonPath.read(json, "$[?(@.criterion=='" + criterion + "' && @.subjectId=='" + subject + "')].reasons");
		return found.isEmpty() ? List.of() : found.get(0);
	}

	@Test
	void a_new_server_is_judged_as_soon_as_it_is_registered_and_without_telemetry_its_resilience_is_pending_not_met()
			throws Exception {
		String server = f.server(partner, f.site(partner));

		QualificationApiTests.eventually().untilAsserted(() -> assertThat(verdict("RESILIENT_FALLBACK", server)).isNotNull());
		assertThat(verdict("RESILIENT_FALLBACK", server)).isEqualTo("PENDING");
		assertThat(reasons("RESILIENT_FALLBACK", server)).singleElement().asString().startsWith("No telemetry yet");
		assertThat(verdict("RENEWABLES", server)).isEqualTo("PENDING");
		assertThat(verdict("LOCAL", server)).as("the test region has no boundary").isEqualTo("PENDING");

		String page = f.get("/qualification/partners/" + partner);
		assertThat(page).contains("No telemetry yet for srv-").doesNotContain("Not due yet");
		assertThat(page.substring(page.indexOf("Resilient fallback"))).contains(">pending<");
	}

	@Test
	void declaring_a_sites_power_supply_re_evaluates_its_servers_renewables() throws Exception {
		String server = f.server(partner, f.site(partner));
		f.readingsAt85PercentOnly(server);
		QualificationApiTests.eventually().untilAsserted(() -> assertThat(reasons("RENEWABLES", server))
				.anyMatch(r -> r.startsWith("Declare where the site's renewable supply comes from")));
		assertThat(verdict("RENEWABLES", server)).isEqualTo("PENDING");

		f.declareSupply(server);

		QualificationApiTests.eventually().untilAsserted(() -> assertThat(verdict("RENEWABLES", server)).isEqualTo("MET"));
		assertThat(reasons("RENEWABLES", server)).contains("Supply: On site");
		assertThat(f.get("/qualification/partners/" + partner)).contains("Supply: On site");
	}

	@Test
	void changing_a_servers_hosting_company_re_evaluates_its_locality() throws Exception {
		String backup = id(f.send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"name\":\"backup-" + f.suffix
				+ "\",\"role\":\"OFF_SITE_BACKUP\",\"nominalDrawW\":40,\"lowPowerDrawW\":20,\"batteryWh\":0,\"renewablePeakW\":0,"
				+ "\"hostingCompany\":\"Merri Backup Co-op\",\"asn\":64502}"));
		QualificationApiTests.eventually().untilAsserted(() -> assertThat(verdict("LOCAL", backup)).isEqualTo("MET"));

		f.send(put("/api/servers/" + backup), STEWARD, "{\"partnerId\":\"" + partner + "\",\"name\":\"backup-" + f.suffix
				+ "\",\"role\":\"OFF_SITE_BACKUP\",\"nominalDrawW\":40,\"lowPowerDrawW\":20,\"batteryWh\":0,\"renewablePeakW\":0,"
				+ "\"hostingCompany\":\"Amazon Web Services\",\"asn\":16509}");

		QualificationApiTests.eventually().untilAsserted(() -> assertThat(verdict("LOCAL", backup)).isEqualTo("NOT_MET"));
		assertThat(reasons("LOCAL", backup)).anyMatch(r -> r.contains("AS16509 belongs to Amazon"));
	}
}
