package coop.commonscloud.payouts.internal;

import static coop.commonscloud.payouts.internal.PayoutFixtures.PASSWORD;
import static coop.commonscloud.payouts.internal.PayoutFixtures.STEWARD;
import static coop.commonscloud.payouts.internal.PayoutFixtures.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A partner sees and changes only its own bank details and payouts; batches and files are the stewards'. */
@SpringBootTest
@AutoConfigureMockMvc
class PayoutAuthorizationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Ledger ledger;

	int status(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
		return mvc.perform(request.with(who).contentType("application/json").content("{\"why\":\"x\",\"bsb\":\"062-000\","
				+ "\"accountNumber\":\"1\",\"accountName\":\"Mine now\"}")).andReturn().getResponse().getStatus();
	}

	@Test
	void a_partner_admin_never_sees_or_changes_another_partners_bank_details_or_payouts() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String north = f.partner("North Co-op");
		String south = f.partner("South Co-op");
		var northAdmin = basic(f.adminOf(north));
		f.send(put("/api/payouts/partners/" + south + "/bank-details"), basic(f.adminOf(south)),
				"{\"bsb\":\"082-002\",\"accountNumber\":\"987654321\",\"accountName\":\"South Co-op\"}");
		f.settle(ledger, "AUD", south, 1_000);
		String made = f.send(post("/api/payouts/periods/" + f.period + "/batches"), STEWARD, "");
		long batch = ((Number) JsonPath.read(made, "$.created[0].id")).longValue();
		String export = f.send(post("/api/payouts/periods/" + f.period + "/exports/ABA"), STEWARD, "");

		assertThat(status(get("/api/payouts/partners/" + south + "/bank-details"), northAdmin)).isEqualTo(403);
		assertThat(status(put("/api/payouts/partners/" + south + "/bank-details"), northAdmin)).isEqualTo(403);
		assertThat(status(get("/api/payouts/partners/" + south + "/batches"), northAdmin)).isEqualTo(403);
		assertThat(status(get("/api/payouts/periods/" + f.period + "/batches"), northAdmin)).isEqualTo(403);
		assertThat(status(post("/api/payouts/periods/" + f.period + "/batches"), northAdmin)).isEqualTo(403);
		assertThat(status(post("/api/payouts/periods/" + f.period + "/exports/ABA"), northAdmin)).isEqualTo(403);
		assertThat(status(get(JsonPath.<String>read(export, "$.download")), northAdmin)).isEqualTo(403);
		assertThat(status(post("/api/payouts/batches/" + batch + "/reversal"), northAdmin)).isEqualTo(403);
		// the public sees nothing either
		assertThat(mvc.perform(get("/api/payouts/partners/" + south + "/bank-details")).andReturn().getResponse().getStatus())
				.isEqualTo(403);
		assertThat(mvc.perform(get("/api/payouts/partners/" + south + "/batches")).andReturn().getResponse().getStatus())
				.isEqualTo(403);

		// south's details are untouched, and its own admin and the stewards see them
		String details = f.send(get("/api/payouts/partners/" + south + "/bank-details"), STEWARD, "");
		assertThat(JsonPath.<String>read(details, "$.accountNumber")).isEqualTo("987654321");
		assertThat(JsonPath.<java.util.List<Object>>read(f.send(get("/api/payouts/partners/" + north + "/batches"), northAdmin, ""),
				"$")).isEmpty();
		assertThat(JsonPath.<java.util.List<String>>read(f.send(get("/api/payouts/partners/" + south + "/batches"),
				basic(f.adminOf(south)), ""), "$[*].status")).containsExactly("EXPORTED");
	}

	@Test
	void the_pages_keep_each_partner_to_its_own_and_the_forms_need_csrf() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String north = f.partner("North Co-op");
		String south = f.partner("South Co-op");
		String northName = f.adminOf(north);
		f.send(put("/api/payouts/partners/" + south + "/bank-details"), STEWARD,
				"{\"bsb\":\"082-002\",\"accountNumber\":\"987654321\",\"accountName\":\"South Secret Account\"}");
		var browser = f.webSession(northName, PASSWORD);

		assertThat(mvc.perform(get("/manage/payouts").with(browser)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/manage/payouts/partners/" + north);
		var southPage = mvc.perform(get("/manage/payouts/partners/" + south).with(browser)).andReturn().getResponse();
		assertThat(southPage.getStatus()).isEqualTo(403);
		assertThat(southPage.getContentAsString()).doesNotContain("987654321").doesNotContain("South Secret Account");
		assertThat(mvc.perform(post("/manage/payouts/partners/" + south + "/bank-details").with(browser).with(csrf())
				.param("bsb", "062-000").param("accountNumber", "1").param("accountName", "Mine now")).andReturn().getResponse()
				.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/manage/payouts/batches").with(browser).with(csrf()).param("period", f.period.toString()))
				.andReturn().getResponse().getStatus()).isEqualTo(403);

		// its own page: the form carries a CSRF token, and without the token a post is refused
		String own = mvc.perform(get("/manage/payouts/partners/" + north).with(browser)).andReturn().getResponse()
				.getContentAsString();
		assertThat(own).contains("Payouts to North Co-op " + f.suffix).contains("name=\"_csrf\"").contains("id=\"bank-form\"");
		assertThat(mvc.perform(post("/manage/payouts/partners/" + north + "/bank-details").with(browser)
				.param("bsb", "062-000").param("accountNumber", "1").param("accountName", "North")).andReturn().getResponse()
				.getStatus()).isEqualTo(403);

		// a refused form comes back with the problems and what was typed
		String refused = mvc.perform(post("/manage/payouts/partners/" + north + "/bank-details").with(browser).with(csrf())
				.param("iban", "DE88370400440532013000").param("bic", "COBADEFFXXX").param("accountHolder", "North eG"))
				.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("The IBAN &#39;DE88370400440532013000&#39; is not valid").contains("value=\"North eG\"");
		var saved = mvc.perform(post("/manage/payouts/partners/" + north + "/bank-details").with(browser).with(csrf())
				.param("bsb", "062000").param("accountNumber", "1234").param("accountName", "North Co-op")).andReturn().getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/manage/payouts/partners/" + north);
		assertThat(JsonPath.<String>read(f.send(get("/api/payouts/partners/" + north + "/bank-details"), STEWARD, ""), "$.bsb"))
				.isEqualTo("062-000");
	}

	@Test
	void the_steward_page_makes_batches_and_files_and_offers_the_download() throws Exception {
		PayoutFixtures f = new PayoutFixtures(mvc);
		String north = f.partner("North Co-op");
		f.send(put("/api/payouts/partners/" + north + "/bank-details"), STEWARD,
				"{\"bsb\":\"033-001\",\"accountNumber\":\"1234\",\"accountName\":\"North Co-op\"}");
		f.settle(ledger, "AUD", north, 4_321);
		var steward = f.webSession("admin", "steward-password-for-tests");

		String page = mvc.perform(get("/manage/payouts").param("period", f.period.toString()).with(steward)).andReturn()
				.getResponse().getContentAsString();
		assertThat(page).contains("Payouts for " + f.period).contains("No batches for this period yet").contains("name=\"_csrf\"");
		assertThat(mvc.perform(post("/manage/payouts/batches").with(steward).with(csrf()).param("period", f.period.toString()))
				.andReturn().getResponse().getRedirectedUrl()).isEqualTo("/manage/payouts?period=" + f.period);
		assertThat(mvc.perform(post("/manage/payouts/exports").with(steward).with(csrf()).param("period", f.period.toString())
				.param("format", "ABA")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/manage/payouts?period=" + f.period);
		page = mvc.perform(get("/manage/payouts").param("period", f.period.toString()).with(steward)).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("North Co-op " + f.suffix).contains("AUD 43.21").contains("EXPORTED").contains("…234")
				.doesNotContain("033-001 1234");
		String link = page.replaceAll("(?s).*href=\"(/manage/payouts/exports/[0-9]+)\".*", "$1");
		var download = mvc.perform(get(link).with(steward)).andReturn().getResponse();
		assertThat(download.getHeader("Content-Disposition")).contains("attachment").contains(".aba");
		assertThat(AbaValidator.problems(download.getContentAsString())).isEmpty();

		// nothing left to export: the page says so instead of failing
		String again = mvc.perform(post("/manage/payouts/exports").with(steward).with(csrf()).param("period", f.period.toString())
				.param("format", "ABA")).andReturn().getResponse().getContentAsString();
		assertThat(again).contains("There are no AUD payout batches for " + f.period);
	}
}
