package coop.commonscloud.governance.internal;

import static coop.commonscloud.governance.internal.GovernanceFixtures.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The pages render from the server alone: proposal, voting form, results with an SVG chart, decision log. */
@SpringBootTest
@AutoConfigureMockMvc
class GovernancePagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void a_proposal_page_shows_the_discussion_the_poll_and_the_results_as_an_svg_chart() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var north = f.partnerMember("North Co-op", null);
		String proposal = f.proposal(north.admin(), "{\"kind\":\"GENERAL\",\"title\":\"Pick a meeting day " + f.suffix
				+ "\",\"rationale\":\"We keep missing each other <b>bold</b>.\"}");
		long number = ((Number) JsonPath.read(f.send(get("/api/governance/proposals/" + proposal), STEWARD, ""), "$.number"))
				.longValue();
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), proposal, "SCHULZE", closesAt, false, false,
				"\"options\":[\"Monday\",\"Wednesday\",\"Friday\"]");

		var browser = f.webSession(north.adminName());
		// a member votes through the form, ranking with the per-option selects
		mvc.perform(post("/manage/governance/proposals/" + number + "/vote").with(browser).with(csrf())
				.param("rank-0", "").param("rank-1", "1").param("rank-2", "2"))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/governance/proposals/" + number));
		f.cast(STEWARD, poll, "{\"ranking\":[\"Friday\",\"Wednesday\"]}");
		mvc.perform(post("/manage/governance/proposals/" + number + "/comments").with(browser).with(csrf())
				.param("body", "Wednesday suits the late shift.")).andExpect(status().is3xxRedirection());
		f.close(STEWARD, poll, closesAt);

		String page = mvc.perform(get("/governance/proposals/" + number)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("Pick a meeting day").contains("We keep missing each other &lt;b&gt;bold&lt;/b&gt;.")
				.contains("Wednesday suits the late shift.").contains("<svg").contains("role=\"img\"")
				.contains("CHOSEN").contains("Schulze ranking").contains("North Co-op " + f.suffix);
		String log = mvc.perform(get("/governance/decisions")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(log).contains("Pick a meeting day " + f.suffix);
		assertThat(mvc.perform(get("/governance")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
				.contains("Pick a meeting day " + f.suffix);
		assertThat(mvc.perform(get("/governance/members")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).contains("North Co-op " + f.suffix).contains("parameter change").contains("Region stewards");
	}

	@Test
	void the_forms_need_sign_in_and_say_what_was_wrong() throws Exception {
		mvc.perform(get("/manage/governance/proposals/new")).andExpect(status().is3xxRedirection());
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var north = f.partnerMember("North Co-op", null);
		var browser = f.webSession(north.adminName());
		String form = mvc.perform(get("/manage/governance/proposals/new").with(browser)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("land-back.contribution").contains("name=\"_csrf\"");

		String refused = mvc.perform(post("/manage/governance/proposals").with(browser).with(csrf())
				.param("kind", "PARAMETER_CHANGE").param("title", "Raise it").param("rationale", "Because")
				.param("parameterKey", "land-back.contribution").param("parameterValue", "150").param("effectiveFrom", "soon"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Write the date as YYYY-MM-DD");
		String outOfRange = mvc.perform(post("/manage/governance/proposals").with(browser).with(csrf())
				.param("kind", "PARAMETER_CHANGE").param("title", "Raise it").param("rationale", "Because")
				.param("parameterKey", "land-back.contribution").param("parameterValue", "150").param("effectiveFrom", "2099-01-01"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(outOfRange).contains("land-back.contribution must lie from 0 to 100 %").contains("value=\"Raise it\"");
	}

	@Test
	void a_steward_admits_a_member_and_appoints_its_delegate_from_the_members_page() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		String partner = GovernanceFixtures.id(f.send(post("/api/partners"), STEWARD, "{\"legalName\":\"Form Co-op " + f.suffix
				+ "\",\"structure\":\"REGISTERED_COOPERATIVE\",\"registrationNumber\":\"F-" + f.suffix + "\"}"));
		String delegate = f.account("form-delegate", "MEMBER", null);
		var steward = f.webSession("admin");
		assertThat(mvc.perform(get("/governance/members").with(steward)).andReturn().getResponse().getContentAsString())
				.contains("Admit a member").contains("Form Co-op " + f.suffix);

		mvc.perform(post("/manage/governance/members").with(steward).with(csrf()).param("memberClass", "PARTNER")
				.param("name", "Form Co-op " + f.suffix).param("partnerId", partner).param("email", "gov@form.example.coop"))
				.andExpect(redirectedUrl("/governance/members"));
		String page = mvc.perform(get("/governance/members").with(steward)).andReturn().getResponse().getContentAsString();
		String member = page.replaceAll("(?s).*<option value=\"([0-9a-f-]{36})\">Form Co-op " + f.suffix + "</option>.*", "$1");
		mvc.perform(post("/manage/governance/members/delegates").with(steward).with(csrf()).param("memberId", member)
				.param("username", delegate)).andExpect(redirectedUrl("/governance/members"));
		String refused = mvc.perform(post("/manage/governance/members").with(steward).with(csrf()).param("memberClass", "PARTNER")
				.param("name", "No partner")).andReturn().getFlashMap().get("problems").toString();

		assertThat(refused).contains("A partner member names its partner");
		String voices = f.send(get("/api/governance/voices"), org.springframework.security.test.web.servlet.request
				.SecurityMockMvcRequestPostProcessors.httpBasic(delegate, GovernanceFixtures.PASSWORD), "");
		assertThat(voices).contains("Form Co-op " + f.suffix);
	}
}
