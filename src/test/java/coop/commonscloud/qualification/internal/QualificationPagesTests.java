package coop.commonscloud.qualification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.internal.domain.SanctionLadder.Step;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class QualificationPagesTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	QualificationStore store;
	@Autowired
	SanctionStore sanctionStore;

	QualificationFixtures f;
	String partner;
	RequestPostProcessor admin;
	RequestPostProcessor steward;

	@BeforeEach
	void a_partner_with_an_admin() throws Exception {
		f = new QualificationFixtures(mvc);
		partner = f.partner("Pages Co-op", "OTHER_INCORPORATED_BODY");
		admin = f.webSession(f.account("PARTNER_ADMIN", partner));
		steward = f.webSession("admin", "steward-password-for-tests");
	}

	MockHttpServletRequestBuilder declaration(String surplus) {
		return declaration(surplus, "2.5");
	}

	MockHttpServletRequestBuilder declaration(String surplus, String payRatio) {
		return post("/manage/partners/" + partner + "/qualification/declaration").param("year", "2026").param("currency", "AUD")
				.param("surplusAfterLabour", surplus).param("investorReturns", "0").param("equipmentLoanServicing", "1200.00")
				.param("payRatio", payRatio).param("genderPayPolicy", "yes").param("labourPayments", "120000")
				.param("fullTimeEquivalents", "2").param("grossRevenue", "300000").param("landBackContributions", "30000");
	}

	@Test
	void the_dashboard_is_for_the_partners_own_admins_and_stewards() throws Exception {
		String other = f.account("PARTNER_ADMIN", f.partner("Elsewhere Co-op", "REGISTERED_COOPERATIVE"));
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Criteria: what is met, what is missing")));
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(steward)).andExpect(status().isOk());
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(f.webSession(other)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/manage/qualification/reviews").with(admin)).andExpect(status().isForbidden());
		mvc.perform(get("/manage/qualification/reviews").with(steward)).andExpect(status().isOk());
	}

	@Test
	void a_declaration_through_the_form_is_recorded_and_its_figures_stay_off_the_public_page() throws Exception {
		mvc.perform(declaration("-1234.56").with(admin)).andExpect(status().isForbidden()); // no CSRF token
		mvc.perform(declaration("-1234.56").with(admin).with(csrf()))
				.andExpect(redirectedUrl("/manage/partners/" + partner + "/qualification"));
		assertThat(store.latestDeclaration(UUID.fromString(partner))).get()
				.satisfies(d -> assertThat(d.surplusAfterLabour()).isEqualTo(-123456))
				.satisfies(d -> assertThat(d.equipmentLoanServicing()).isEqualTo(120000));
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(admin))
				.andExpect(content().string(containsString("-123456")));
		mvc.perform(get("/qualification?page=0")).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("-123456"))))
				.andExpect(content().string(not(containsString("120000"))));
	}

	@Test
	void a_declaration_with_mistakes_is_shown_again_with_every_problem_and_nothing_typed_is_lost() throws Exception {
		mvc.perform(declaration("a lot", "0.5").with(admin).with(csrf())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Please correct this")))
				.andExpect(content().string(containsString("surplus after labour costs as an amount")))
				.andExpect(content().string(containsString("at least 1")))
				.andExpect(content().string(containsString("value=\"a lot\"")))
				.andExpect(content().string(containsString("value=\"300000\"")));
		assertThat(store.latestDeclaration(UUID.fromString(partner))).isEmpty();
	}

	@Test
	void evidence_without_a_description_is_refused_with_a_readable_message() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/manage/partners/" + partner + "/qualification/evidence").param("requirement", "CONSTITUTION")
				.param("statement", " ").with(admin).with(csrf())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Describe the evidence")));
		assertThat(store.evidenceOf(new PartnerId(UUID.fromString(partner)).value())).isEmpty();
	}

	@Test
	void the_public_page_needs_no_account_and_shows_every_partner_criterion() throws Exception {
		mvc.perform(post("/manage/partners/" + partner + "/qualification/evaluation").with(admin).with(csrf()))
				.andExpect(redirectedUrl("/manage/partners/" + partner + "/qualification"));
		mvc.perform(get("/qualification")).andExpect(status().isOk());
		mvc.perform(get("/qualification/partners/" + partner)).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-criterion=\"LAND_BACK\"")))
				.andExpect(content().string(containsString("Pages Co-op " + f.suffix)));
	}

	@Test
	void the_dashboard_shows_an_open_sanction_case_with_its_appeal_and_then_the_case_closed() throws Exception {
		UUID caseId = UUID.randomUUID();
		sanctionStore.open(caseId, UUID.fromString(partner), Criterion.LAND_BACK, List.of("no land back contribution"));
		sanctionStore.step(caseId, Step.NOTICE, "Notice: land back is not met", Sanctions.RULES);
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Notice: land back is not met")))
				.andExpect(content().string(containsString("/manage/qualification/cases/" + caseId + "/appeal")));

		UUID appealId = UUID.randomUUID();
		sanctionStore.appeal(appealId, caseId, "We paid it in kind", "someone");
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("We paid it in kind")))
				.andExpect(content().string(containsString("awaiting a steward")));

		sanctionStore.decide(appealId, true, "Accepted as paid", "another");
		sanctionStore.step(caseId, Step.CLOSED, "Closed: appeal upheld", "another");
		mvc.perform(get("/manage/partners/" + partner + "/qualification").with(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Closed: appeal upheld")))
				.andExpect(content().string(containsString("upheld by another: Accepted as paid")))
				.andExpect(content().string(not(containsString("/manage/qualification/cases/" + caseId + "/appeal"))));
	}
}
