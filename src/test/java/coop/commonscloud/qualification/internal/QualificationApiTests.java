package coop.commonscloud.qualification.internal;

import static coop.commonscloud.qualification.internal.QualificationFixtures.STEWARD;
import static coop.commonscloud.qualification.internal.QualificationFixtures.as;
import static coop.commonscloud.qualification.internal.QualificationFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.platform.PartnerId;
import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.CriterionVerdict;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.qualification.Qualification;
import coop.commonscloud.qualification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class QualificationApiTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Qualification qualification;
	@Autowired
	Sanctions sanctions;
	@Autowired
	QualificationStore store;
	@Autowired
	JdbcClient jdbc;

	QualificationFixtures f;
	String partner;
	String admin;

	@BeforeEach
	void a_partner_with_an_admin() throws Exception {
		f = new QualificationFixtures(mvc);
		partner = f.partner("Qual Co-op", "REGISTERED_COOPERATIVE");
		admin = f.account("PARTNER_ADMIN", partner);
	}

	/** Re-evaluation runs after the change commits, on another thread. */
	static org.awaitility.core.ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
	}

	CriterionVerdict latest(Criterion criterion, String subject) {
		return qualification.latestVerdicts(new PartnerId(UUID.fromString(partner))).stream()
				.filter(v -> v.criterion() == criterion && v.subjectId().toString().equals(subject)).findFirst().orElseThrow();
	}

	@Test
	void evidence_a_partner_submits_and_a_steward_approves_meets_the_criterion() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "network.txt", "text/plain", "minutes of the network meeting".getBytes());
		String evidence = id(mvc.perform(multipart("/api/qualification/partners/" + partner + "/evidence").file(file)
				.param("requirement", "NETWORK_PARTICIPATION").param("statement", "We attend the monthly network meeting")
				.with(as(admin))).andExpect(status().isCreated()).andExpect(jsonPath("$.review").value("SUBMITTED"))
				.andExpect(jsonPath("$.fileBytes").value(30)).andReturn().getResponse().getContentAsString());

		eventually().untilAsserted(() -> assertThat(latest(Criterion.COLLABORATIVE_NETWORK, partner).reasons())
				.anyMatch(r -> r.contains("awaiting a steward's review")));
		mvc.perform(get("/api/qualification/review-queue").with(STEWARD)).andExpect(content().string(containsString(evidence)));
		mvc.perform(get("/api/qualification/review-queue").with(as(admin))).andExpect(status().isForbidden());
		mvc.perform(get("/api/qualification/evidence/" + evidence + "/file").with(STEWARD)).andExpect(status().isOk())
				.andExpect(content().string("minutes of the network meeting"));
		mvc.perform(get("/api/qualification/evidence/" + evidence + "/file")).andExpect(status().isForbidden());

		mvc.perform(post("/api/qualification/evidence/" + evidence + "/review").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/qualification/evidence/" + evidence + "/review").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true,\"comment\":\"Minutes seen\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.review").value("APPROVED")).andExpect(jsonPath("$.reviewedBy").value("admin"));
		mvc.perform(post("/api/qualification/evidence/" + evidence + "/review").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":false,\"comment\":\"again\"}")).andExpect(status().isConflict());

		eventually().untilAsserted(() -> assertThat(latest(Criterion.COLLABORATIVE_NETWORK, partner).verdict())
				.isEqualTo(Verdict.Code.MET));
		mvc.perform(get("/api/qualification/partners/" + partner)).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("PROVISIONAL"))
				.andExpect(jsonPath("$.criteria[?(@.criterion=='COLLABORATIVE_NETWORK')].verdict").value("MET"));
	}

	@Test
	void bad_evidence_and_declarations_get_problem_details_listing_every_problem() throws Exception {
		mvc.perform(post("/api/qualification/partners/" + partner + "/evidence").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"requirement\":\"NOPE\",\"statement\":\"\"}")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.problems.length()").value(2));
		// found by WriteEndpointFuzzProperties: evidence naming no requirement was a 500
		mvc.perform(post("/api/qualification/partners/" + partner + "/evidence").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"statement\":\"Our rules, attached\"}")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.problems", org.hamcrest.Matchers.hasItem(containsString("Name the requirement"))));
		mvc.perform(post("/api/qualification/partners/" + partner + "/declarations").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":2026,\"surplusAfterLabour\":\"abc\",\"payRatio\":\"0.5\"}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.problems", org.hamcrest.Matchers.hasItem(containsString("at least 1"))));
		mvc.perform(post("/api/qualification/evidence/" + UUID.randomUUID() + "/review").with(STEWARD)
				.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false}")).andExpect(status().isNotFound());
	}

	@Test
	void private_figures_are_seen_only_by_stewards_and_the_partners_own_admins() throws Exception {
		String other = f.account("PARTNER_ADMIN", f.partner("Other Co-op", "REGISTERED_COOPERATIVE"));
		String body = "{\"year\":2026,\"currency\":\"AUD\",\"surplusAfterLabour\":\"4321.09\",\"investorReturns\":\"0\","
				+ "\"equipmentLoanServicing\":\"8765.43\",\"payRatio\":\"3.71\",\"genderPayPolicy\":true,\"labourPayments\":\"98765.21\","
				+ "\"fullTimeEquivalents\":\"1.5\",\"grossRevenue\":\"234567.89\",\"landBackContributions\":\"23456.79\"}";
		f.send(post("/api/qualification/partners/" + partner + "/declarations"), as(admin), body);
		mvc.perform(get("/api/qualification/partners/" + partner + "/declarations").with(as(admin))).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].surplusAfterLabour").value(432109));
		mvc.perform(get("/api/qualification/partners/" + partner + "/declarations").with(STEWARD)).andExpect(status().isOk());
		mvc.perform(get("/api/qualification/partners/" + partner + "/declarations").with(as(other))).andExpect(status().isForbidden());
		mvc.perform(get("/api/qualification/partners/" + partner + "/declarations")).andExpect(status().isForbidden());
		mvc.perform(post("/api/qualification/partners/" + partner + "/declarations").with(as(other))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());

		eventually().untilAsserted(() -> assertThat(latest(Criterion.VOLUNTARY_SIMPLICITY, partner).verdict())
				.isEqualTo(Verdict.Code.NOT_MET));
		String[] secrets = { "4321", "432109", "8765", "3.71", "98765", "234567", "23456" };
		for (String path : List.of("/api/qualification/partners/" + partner, "/api/qualification/partners/" + partner + "/verdicts",
				"/api/qualification/partners?size=200", "/qualification", "/qualification/partners/" + partner)) {
			String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).as(path).contains(path.startsWith("/qualification") ? "Qualification status" : "VOLUNTARY_SIMPLICITY");
			for (String secret : secrets) {
				// as a figure of its own, not as digits inside an id or a timestamp ("…T13:55:33.71…Z")
				assertThat(page).as(path + ": " + secret)
						.doesNotContainPattern("(?<![0-9A-Za-z.-])" + Pattern.quote(secret) + "(?![0-9A-Za-z-])");
			}
		}
	}

	@Test
	void raising_the_renewable_share_from_80_to_90_percent_changes_the_verdict_and_old_evaluations_keep_80() throws Exception {
		String server = f.server(partner, f.site(partner));
		f.readingsAt85Percent(server);
		eventually().untilAsserted(() -> assertThat(latest(Criterion.RENEWABLES, server).verdict())
				.isEqualTo(Verdict.Code.MET));
		long before = store.history(UUID.fromString(partner), Criterion.RENEWABLES, 1).get(0).id();
		assertThat(latest(Criterion.RENEWABLES, server).reasons().get(0)).contains("85.00 %").contains("reaches 80 %");

		try {
			f.send(post("/api/parameters/renewables.minimum-average-share"), STEWARD,
					"{\"value\":90,\"reason\":\"Qualification test: the region raises the bar\"}");
			await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> assertThat(latest(Criterion.RENEWABLES, server).verdict())
					.isEqualTo(Verdict.Code.NOT_MET));
			assertThat(latest(Criterion.RENEWABLES, server).reasons().get(0)).contains("85.00 %").contains("below 90 %");
			var after = store.history(UUID.fromString(partner), Criterion.RENEWABLES, 50);
			var newest = after.get(0);
			assertThat(((java.util.Map<?, ?>) newest.inputs().get("parameters")).get("renewables.minimum-average-share").toString())
					.isEqualTo("90");
			assertThat(newest.cause()).contains("renewables.minimum-average-share");
			var old = after.stream().filter(e -> e.id() == before).findFirst().orElseThrow();
			assertThat(old.verdict()).isEqualTo(Verdict.Code.MET);
			assertThat(((java.util.Map<?, ?>) old.inputs().get("parameters")).get("renewables.minimum-average-share").toString())
					.isEqualTo("80");
		} finally {
			f.send(post("/api/parameters/renewables.minimum-average-share"), STEWARD,
					"{\"value\":80,\"reason\":\"Qualification test: back to the seeded value\"}");
		}
	}

	@Test
	void offerings_are_judged_on_their_licence_and_lores_and_judged_again_when_the_catalogue_changes() throws Exception {
		String server = f.server(partner, f.site(partner));
		String mastodon = id(f.send(post("/api/applications"), STEWARD, "{\"name\":\"Mastodon " + f.suffix
				+ "\",\"licence\":\"AGPL-3.0-only\",\"coveredByLoRes\":true}"));
		String sspl = id(f.send(post("/api/applications"), STEWARD, "{\"name\":\"Some database " + f.suffix
				+ "\",\"licence\":\"SSPL-1.0\",\"coveredByLoRes\":false}"));
		String offering = id(f.send(post("/api/offerings"), as(admin), "{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server
				+ "\",\"applicationId\":\"" + mastodon + "\",\"audience\":\"GENERAL_PUBLIC\"}"));
		eventually().untilAsserted(() -> assertThat(latest(Criterion.LORES, offering).verdict()).isEqualTo(Verdict.Code.NOT_MET));
		assertThat(latest(Criterion.LORES, offering).reasons().get(0)).contains("make a LoRes-compatible option available");
		assertThat(latest(Criterion.FOSS, offering).verdict()).isEqualTo(Verdict.Code.MET);

		f.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/offerings/" + offering), as(admin),
				"{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server + "\",\"applicationId\":\"" + mastodon
						+ "\",\"audience\":\"GENERAL_PUBLIC\",\"lowResOptionAvailable\":true,\"lowResOptionRecommended\":true}");
		eventually().untilAsserted(() -> assertThat(latest(Criterion.LORES, offering).verdict()).isEqualTo(Verdict.Code.MET));

		String notFree = id(f.send(post("/api/offerings"), as(admin), "{\"partnerId\":\"" + partner + "\",\"serverId\":\"" + server
				+ "\",\"applicationId\":\"" + sspl + "\",\"audience\":\"MEMBERS_ONLY\"}"));
		eventually().untilAsserted(() -> assertThat(latest(Criterion.FOSS, notFree).verdict()).isEqualTo(Verdict.Code.NOT_MET));
		assertThat(latest(Criterion.FOSS, notFree).reasons()).anyMatch(r -> r.contains("SSPL-1.0"));
		assertThat(latest(Criterion.SUSTAINABLE_AND_FOSS, partner).verdict()).isEqualTo(Verdict.Code.NOT_MET);
	}

	@Test
	void an_off_site_backup_at_amazon_is_not_local() throws Exception {
		String server = id(f.send(post("/api/servers"), STEWARD, "{\"partnerId\":\"" + partner + "\",\"name\":\"backup-" + f.suffix
				+ "\",\"role\":\"OFF_SITE_BACKUP\",\"nominalDrawW\":40,\"lowPowerDrawW\":20,\"batteryWh\":0,\"renewablePeakW\":0,"
				+ "\"hostingCompany\":\"Amazon Web Services\",\"asn\":16509}"));
		mvc.perform(post("/api/qualification/partners/" + partner + "/evaluation").with(as(admin))).andExpect(status().isOk())
				.andExpect(jsonPath("$.criteria[?(@.criterion=='SUSTAINABLE_AND_FOSS')].verdict").value("NOT_MET"));
		assertThat(latest(Criterion.LOCAL, server).verdict()).isEqualTo(Verdict.Code.NOT_MET);
		assertThat(latest(Criterion.LOCAL, server).reasons().get(0)).contains("AS16509 belongs to Amazon");
		mvc.perform(get("/api/qualification/excluded-hosts")).andExpect(jsonPath("$[?(@.asn==396982)].company").value("Google"));
	}

	@Test
	void a_rejection_opens_a_case_the_partner_appeals_and_only_a_different_steward_decides() throws Exception {
		String evidence = id(f.send(post("/api/qualification/partners/" + partner + "/evidence"), as(admin),
				"{\"requirement\":\"COMMONS_STEWARDSHIP\",\"statement\":\"Our users' charter\"}"));
		f.send(post("/api/qualification/evidence/" + evidence + "/review"), STEWARD,
				"{\"approve\":false,\"comment\":\"The charter says nothing about people who are excluded\"}");
		eventually().untilAsserted(() -> assertThat(sanctions.casesOf(UUID.fromString(partner)))
				.anyMatch(c -> c.criterion() == Criterion.COMMONS_STEWARDSHIP && c.open()));
		String cases = mvc.perform(get("/api/qualification/partners/" + partner + "/cases").with(as(admin)))
				.andExpect(jsonPath("$[0].steps[0].step").value("NOTICE")).andReturn().getResponse().getContentAsString();
		String caseId = JsonPath.read(cases, "$[0].sanctionCase.id");
		mvc.perform(get("/api/qualification/partners/" + partner + "/cases")).andExpect(status().isForbidden());

		String appeal = id(f.send(post("/api/qualification/cases/" + caseId + "/appeals"), as(admin),
				"{\"answer\":\"Section 4 of the charter covers people on the waiting list\"}"));
		mvc.perform(post("/api/qualification/appeals/" + appeal + "/decision").with(STEWARD).contentType(MediaType.APPLICATION_JSON)
				.content("{\"upheld\":true,\"comment\":\"I agree\"}")).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("different steward")));
		mvc.perform(post("/api/qualification/appeals/" + appeal + "/decision").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"upheld\":true,\"comment\":\"I agree\"}")).andExpect(status().isForbidden());

		String otherSteward = f.account("STEWARD", null);
		mvc.perform(post("/api/qualification/appeals/" + appeal + "/decision").with(as(otherSteward)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"upheld\":true,\"comment\":\"Section 4 does cover them\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.decidedBy").value(otherSteward)).andExpect(jsonPath("$.upheld").value(true));
		assertThat(sanctions.casesOf(UUID.fromString(partner))).filteredOn(c -> c.id().toString().equals(caseId))
				.singleElement().extracting(SanctionStore.Case::open).isEqualTo(false);
		// the upheld appeal stands until the facts change: re-evaluating does not reopen it
		mvc.perform(post("/api/qualification/partners/" + partner + "/evaluation").with(as(admin))).andExpect(status().isOk());
		assertThat(sanctions.casesOf(UUID.fromString(partner))).filteredOn(c -> c.criterion() == Criterion.COMMONS_STEWARDSHIP && c.open())
				.isEmpty();
	}

	@Test
	void a_failing_criterion_climbs_the_ladder_to_no_new_sign_ups_and_closes_when_met_again() throws Exception {
		PartnerId id = new PartnerId(UUID.fromString(partner));
		String evidence = id(f.send(post("/api/qualification/partners/" + partner + "/evidence"), as(admin),
				"{\"requirement\":\"NETWORK_PARTICIPATION\",\"statement\":\"We mean to\"}"));
		f.send(post("/api/qualification/evidence/" + evidence + "/review"), STEWARD, "{\"approve\":false,\"comment\":\"Intentions are not participation\"}");
		eventually().untilAsserted(() -> assertThat(sanctions.casesOf(id.value())).anyMatch(c -> c.open()));
		assertThat(qualification.acceptsNewSignUps(id)).isTrue();
		assertThat(qualification.standingOf(id).status()).isEqualTo(Status.NOT_QUALIFIED);

		Instant now = Instant.now();
		sanctions.advance(now.plus(Duration.ofDays(30)).plusSeconds(60), 30);
		assertThat(qualification.standingOf(id).onProbation()).isTrue();
		assertThat(qualification.acceptsNewSignUps(id)).isTrue();
		sanctions.advance(now.plus(Duration.ofDays(60)).plusSeconds(120), 30);
		assertThat(qualification.acceptsNewSignUps(id)).isFalse();
		assertThat(qualification.standingOf(id).status()).isEqualTo(Status.SUSPENDED);
		mvc.perform(get("/api/qualification/partners/" + partner + "/accepts-new-sign-ups")).andExpect(content().string("false"));

		String better = id(f.send(post("/api/qualification/partners/" + partner + "/evidence"), as(admin),
				"{\"requirement\":\"NETWORK_PARTICIPATION\",\"statement\":\"Minutes of three meetings we attended\"}"));
		f.send(post("/api/qualification/evidence/" + better + "/review"), STEWARD, "{\"approve\":true}");
		eventually().untilAsserted(() -> assertThat(qualification.acceptsNewSignUps(id)).isTrue());
		var closed = sanctions.casesOf(id.value()).get(0);
		assertThat(sanctions.steps(closed.id())).extracting(SanctionStore.StepRow::step).map(Enum::name)
				.containsExactly("NOTICE", "PROBATION", "NO_NEW_SIGN_UPS", "CLOSED");
	}

	@Test
	void evaluations_and_sanction_steps_are_append_only() {
		assertThatThrownBy(() -> jdbc.sql("update qualification_evaluation set verdict = 'MET'").update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from sanction_step").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from evidence_review").update()).hasMessageContaining("append-only");
	}
}
