package coop.commonscloud.governance.internal;

import static coop.commonscloud.governance.internal.GovernanceFixtures.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import coop.commonscloud.infrastructure.InfrastructureParameters;
import coop.commonscloud.parameters.ParameterEntry;
import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.PlatformParameters;
import coop.commonscloud.qualification.QualificationParameters;
import coop.commonscloud.region.RegionParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** End to end through the API: a passed parameter change takes effect at its date, linked to its decision. */
@SpringBootTest
@AutoConfigureMockMvc
class ParameterDecisionTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	PlatformParameters parameters;
	@Autowired
	ClosingPoll closing;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PollStore pollStore;
	@Autowired
	Polls polls;

	@Test
	void raising_the_land_back_contribution_from_10_to_12_percent_passes_and_takes_effect_at_its_date() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var north = f.partnerMember("North Co-op", null);
		var south = f.partnerMember("South Co-op", null);
		Instant effective = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
		String proposal = f.proposal(north.admin(), "{\"kind\":\"PARAMETER_CHANGE\",\"title\":\"Raise land-back to 12%\","
				+ "\"rationale\":\"Our contribution should grow with the region.\",\"parameterKey\":\"land-back.contribution\","
				+ "\"parameterValue\":12,\"effectiveFrom\":\"" + effective + "\"}");
		f.send(post("/api/governance/proposals/" + proposal + "/comments"), south.admin(), "{\"body\":\"Agreed, and about time.\"}");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), proposal, "MAJORITY", closesAt, false, false, "\"quorum\":2");

		f.cast(north.admin(), poll, "{\"choice\":\"For\"}");
		f.cast(south.admin(), poll, "{\"choice\":\"For\"}");
		f.cast(STEWARD, poll, "{\"choice\":\"Against\"}");
		String decision = f.close(STEWARD, poll, closesAt);

		assertThat((String) JsonPath.read(decision, "$.outcome")).isEqualTo("PASSED");
		long number = ((Number) JsonPath.read(decision, "$.number")).longValue();
		ParameterKey landBack = QualificationParameters.LAND_BACK_CONTRIBUTION;
		assertThat(parameters.valueAt(landBack, effective.minusSeconds(1)).amount()).isEqualByComparingTo("10");
		assertThat(parameters.valueAt(landBack, effective).amount()).isEqualByComparingTo("12");
		assertThat(parameters.valueAt(landBack, effective.plus(Duration.ofDays(31))).amount()).isEqualByComparingTo("12");
		ParameterEntry entry = parameters.history(landBack).get(0);
		assertThat(entry.decision()).isEqualTo("/governance/decisions/" + number);
		assertThat(entry.recordedBy()).isEqualTo("governance");
		assertThat(entry.effectiveFrom()).isEqualTo(effective);

		String after = f.send(get("/api/governance/proposals/" + proposal), STEWARD, "");
		assertThat((String) JsonPath.read(after, "$.state")).isEqualTo("IMPLEMENTED");
		String logged = f.send(get("/api/governance/decisions/" + number), STEWARD, "");
		assertThat(((Number) JsonPath.read(logged, "$.details.totals.For")).intValue()).isEqualTo(2);
		assertThat(((Number) JsonPath.read(logged, "$.details.totals.Against")).intValue()).isEqualTo(1);
		// closing again changes nothing: the decision is recorded once
		assertThat(closing.close(java.util.UUID.fromString(poll), "again").number()).isEqualTo(number);
		assertThat(jdbc.sql("select count(*) from platform_parameter where decision = :d")
				.param("d", "/governance/decisions/" + number).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_rejected_parameter_change_leaves_the_parameter_alone() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var east = f.partnerMember("East Co-op", null);
		Instant effective = Instant.now().plus(Duration.ofDays(400));
		String proposal = f.proposal(east.admin(), "{\"kind\":\"PARAMETER_CHANGE\",\"title\":\"Allow 5 km\","
				+ "\"rationale\":\"Some sites are just outside.\",\"parameterKey\":\"locality.allowance\","
				+ "\"parameterValue\":5000,\"effectiveFrom\":\"" + effective + "\"}");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(STEWARD, proposal, "CONSENT", closesAt, false, false, null);
		f.cast(east.admin(), poll, "{\"choice\":\"Agree\"}");
		f.cast(STEWARD, poll, "{\"choice\":\"Block\"}");
		String decision = f.close(STEWARD, poll, closesAt);

		assertThat((String) JsonPath.read(decision, "$.outcome")).isEqualTo("BLOCKED");
		assertThat(parameters.valueAt(RegionParameters.LOCALITY_ALLOWANCE, effective.plusSeconds(1)).amount())
				.isEqualByComparingTo("1000");
		String after = f.send(get("/api/governance/proposals/" + proposal), STEWARD, "");
		assertThat((String) JsonPath.read(after, "$.state")).isEqualTo("OUTCOME");
	}

	@Test
	void the_poll_clock_closes_a_poll_whose_time_is_up_without_anyone_pressing_a_button() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var west = f.partnerMember("West Co-op", null);
		Instant effective = Instant.now().plus(Duration.ofDays(500)).truncatedTo(ChronoUnit.SECONDS);
		String proposal = f.proposal(west.admin(), "{\"kind\":\"PARAMETER_CHANGE\",\"title\":\"Three and a half days\","
				+ "\"rationale\":\"Longer outages are coming.\",\"parameterKey\":\"resilience.outage-endurance\","
				+ "\"parameterValue\":84,\"effectiveFrom\":\"" + effective + "\"}");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(west.admin(), proposal, "CONSENT", closesAt, true, true, null);
		f.cast(west.admin(), poll, "{\"choice\":\"Agree\"}");
		// the clock is switched off in tests (it would close other tests' polls); run one tick by hand
		PollClock clock = new PollClock(pollStore, polls, closing, Clock.systemUTC());
		clock.tick();
		assertThat(jdbc.sql("select count(*) from decision where poll_id = cast(:p as uuid)").param("p", poll)
				.query(Long.class).single()).as("not closed before its time").isZero();
		while (Instant.now().isBefore(closesAt)) {
			Thread.sleep(100);
		}

		clock.tick();

		assertThat(jdbc.sql("select outcome from decision where poll_id = cast(:p as uuid)").param("p", poll)
				.query(String.class).single()).isEqualTo("PASSED");
		assertThat(parameters.valueAt(InfrastructureParameters.OUTAGE_ENDURANCE, effective).amount()).isEqualByComparingTo("84");
		assertThat(parameters.valueAt(InfrastructureParameters.OUTAGE_ENDURANCE, effective.minusSeconds(1)).amount())
				.isEqualByComparingTo("72");
	}

	@Test
	void class_weights_set_by_a_steward_weigh_each_ballot_of_a_multi_stakeholder_vote() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var north = f.partnerMember("North Co-op", null);
		var south = f.partnerMember("South Co-op", null);
		String before = f.send(get("/api/governance/voting-rights"), STEWARD, "");
		try {
			// criteria changes: the steward organisation's voice weighs as much as three partners
			f.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
					"/api/governance/voting-rights/CRITERIA_CHANGE"), STEWARD, "{\"PARTNER\":1,\"STEWARD_ORGANISATION\":3}");
			String proposal = f.proposal(north.admin(), "{\"kind\":\"CRITERIA_CHANGE\",\"title\":\"Publish pay ratios\","
					+ "\"rationale\":\"Transparency.\",\"criteriaChange\":\"Partners publish their highest to lowest pay ratio.\"}");
			Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
			String poll = f.poll(north.admin(), proposal, "MAJORITY", closesAt, false, false, "\"quorum\":5");
			f.cast(north.admin(), poll, "{\"choice\":\"For\"}");
			f.cast(south.admin(), poll, "{\"choice\":\"For\"}");
			f.cast(STEWARD, poll, "{\"choice\":\"Against\"}");
			String decision = f.close(STEWARD, poll, closesAt);

			assertThat((String) JsonPath.read(decision, "$.outcome")).isEqualTo("REJECTED");
			assertThat(((Number) JsonPath.read(decision, "$.weightCast")).intValue()).isEqualTo(5);
			assertThat((String) JsonPath.read(decision, "$.explanation")).isEqualTo("For 2 does not exceed against 3");
		} finally {
			jdbc.sql("update governance_voting_right set weight = 1 where proposal_kind = 'CRITERIA_CHANGE'").update();
			assertThat(f.send(get("/api/governance/voting-rights"), STEWARD, "")).isEqualTo(before);
		}
	}
}
