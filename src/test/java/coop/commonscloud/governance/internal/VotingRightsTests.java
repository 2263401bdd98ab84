package coop.commonscloud.governance.internal;

import static coop.commonscloud.governance.internal.GovernanceFixtures.PASSWORD;
import static coop.commonscloud.governance.internal.GovernanceFixtures.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Who may vote, for whom, and which ballot counts. */
@SpringBootTest
@AutoConfigureMockMvc
class VotingRightsTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PollStore pollStore;
	@Autowired
	Polls polls;
	@Autowired
	ClosingPoll closing;

	GovernanceFixtures f;
	GovernanceFixtures.Org north;
	GovernanceFixtures.Org south;

	@BeforeEach
	void two_partner_members() throws Exception {
		f = new GovernanceFixtures(mvc);
		north = f.partnerMember("North Co-op", null);
		south = f.partnerMember("South Co-op", null);
	}

	@Test
	void an_account_that_speaks_for_no_member_cannot_vote() throws Exception {
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", Instant.now().plusSeconds(60),
				false, false, null);
		RequestPostProcessor outsider = httpBasic(f.account("outsider", "MEMBER", null), PASSWORD);

		MvcResult refused = f.vote(outsider, poll, "{\"choice\":\"For\"}");

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("only members' delegates vote");
		assertThat(receipts(poll)).isZero();
	}

	@Test
	void a_member_class_without_a_voting_right_on_the_kind_of_proposal_cannot_vote() throws Exception {
		// person-members vote on GENERAL proposals but, as seeded, not on parameter changes
		String username = f.account("person", "MEMBER", null);
		f.personMember(username);
		RequestPostProcessor person = httpBasic(username, PASSWORD);
		String proposal = f.proposal(north.admin(), "{\"kind\":\"PARAMETER_CHANGE\",\"title\":\"Pay cap\",\"rationale\":\"r\","
				+ "\"parameterKey\":\"labour.pay-cap\",\"parameterValue\":70000,\"effectiveFrom\":\"2099-01-01T00:00:00Z\"}");
		String poll = f.poll(north.admin(), proposal, "CONSENT", Instant.now().plusSeconds(60), false, false, null);

		MvcResult refused = f.vote(person, poll, "{\"choice\":\"Agree\"}");

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("does not vote on PARAMETER_CHANGE");
		String general = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", Instant.now().plusSeconds(60),
				false, false, null);
		f.cast(person, general, "{\"choice\":\"For\"}");
	}

	@Test
	void a_party_to_an_appeal_does_not_vote_on_it_and_the_uninvolved_members_decide() throws Exception {
		var west = f.partnerMember("West Co-op", null);
		String appeal = f.proposal(west.admin(), "{\"kind\":\"APPEAL\",\"title\":\"Lift the warning on West\",\"rationale\":"
				+ "\"The outage was the grid's, not ours.\",\"involvedMembers\":[\"" + west.memberId() + "\"]}");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(STEWARD, appeal, "MAJORITY", closesAt, false, false, null);

		MvcResult refused = f.vote(west.admin(), poll, "{\"choice\":\"For\"}");
		f.cast(north.admin(), poll, "{\"choice\":\"For\"}");
		f.cast(south.admin(), poll, "{\"choice\":\"Against\"}");
		f.cast(STEWARD, poll, "{\"choice\":\"For\"}");
		String decision = f.close(STEWARD, poll, closesAt);

		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("party to this appeal");
		assertThat((String) JsonPath.read(decision, "$.outcome")).isEqualTo("PASSED");
		assertThat((Integer) JsonPath.read(decision, "$.ballotsCast")).isEqualTo(3);
	}

	@Test
	void one_ballot_per_member_counts_and_it_is_the_latest() throws Exception {
		String delegate = f.account("north-delegate", "MEMBER", null);
		f.send(post("/api/governance/members/" + north.memberId() + "/delegates"), north.admin(),
				"{\"username\":\"" + delegate + "\"}");
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", closesAt, false, false, null);

		f.cast(north.admin(), poll, "{\"choice\":\"For\"}");
		f.cast(north.admin(), poll, "{\"choice\":\"Against\"}");
		f.cast(httpBasic(delegate, PASSWORD), poll, "{\"choice\":\"Abstain\"}");
		f.cast(south.admin(), poll, "{\"choice\":\"For\"}");
		String decision = f.close(STEWARD, poll, closesAt);

		// North's latest ballot (its delegate's abstention) counts once; South's For passes it
		assertThat((Integer) JsonPath.read(decision, "$.ballotsCast")).isEqualTo(2);
		assertThat((String) JsonPath.read(decision, "$.outcome")).isEqualTo("PASSED");
		String results = f.send(get("/api/governance/polls/" + poll + "/results"), STEWARD, "");
		assertThat(((Number) JsonPath.read(results, "$.totals.Against")).intValue()).isZero();
		assertThat(((Number) JsonPath.read(results, "$.totals.Abstain")).intValue()).isEqualTo(1);
		// the history is kept: three castings for North, each with a receipt
		assertThat(jdbc.sql("select count(*) from named_ballot where poll_id = cast(:p as uuid) and member_id = cast(:m as uuid)")
				.param("p", poll).param("m", north.memberId()).query(Long.class).single()).isEqualTo(3);
		assertThat(receipts(poll)).isEqualTo(4);
	}

	@Test
	void an_organisation_votes_through_its_delegates_and_no_one_else() throws Exception {
		String delegate = f.account("south-delegate", "MEMBER", null);
		f.send(post("/api/governance/members/" + south.memberId() + "/delegates"), STEWARD, "{\"username\":\"" + delegate + "\"}");
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", Instant.now().plusSeconds(60),
				false, false, null);

		// North's admin cannot cast South's ballot, nor appoint South's delegates
		MvcResult hijack = f.vote(north.admin(), poll, "{\"memberId\":\"" + south.memberId() + "\",\"choice\":\"Against\"}");
		MvcResult appoint = mvc.perform(post("/api/governance/members/" + south.memberId() + "/delegates").with(north.admin())
				.contentType("application/json").content("{\"username\":\"" + north.adminName() + "\"}")).andReturn();
		f.cast(httpBasic(delegate, PASSWORD), poll, "{\"choice\":\"For\"}");

		assertThat(hijack.getResponse().getStatus()).isEqualTo(403);
		assertThat(appoint.getResponse().getStatus()).isEqualTo(403);
		String receipts = f.send(get("/api/governance/polls/" + poll + "/receipts"), STEWARD, "");
		assertThat((List<String>) JsonPath.read(receipts, "$[*].memberName")).containsExactly("South Co-op " + f.suffix);
		assertThat((List<String>) JsonPath.read(receipts, "$[*].castBy")).containsExactly(delegate);
	}

	@Test
	void a_proxy_lets_another_members_delegate_cast_the_ballot_and_the_receipt_says_so() throws Exception {
		f.send(post("/api/governance/members/" + south.memberId() + "/proxy"), south.admin(),
				"{\"holderId\":\"" + north.memberId() + "\"}");
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", Instant.now().plusSeconds(60),
				false, false, null);

		MvcResult ambiguous = f.vote(north.admin(), poll, "{\"choice\":\"For\"}");
		f.cast(north.admin(), poll, "{\"memberId\":\"" + north.memberId() + "\",\"choice\":\"For\"}");
		String proxied = f.cast(north.admin(), poll, "{\"memberId\":\"" + south.memberId() + "\",\"choice\":\"Against\"}");

		assertThat(ambiguous.getResponse().getStatus()).isEqualTo(400);
		assertThat((Boolean) JsonPath.read(proxied, "$.byProxy")).isTrue();
		assertThat(jdbc.sql("select by_proxy from ballot_receipt where poll_id = cast(:p as uuid) and member_id = cast(:m as uuid)")
				.param("p", poll).param("m", south.memberId()).query(Boolean.class).single()).isTrue();
	}

	@Test
	void ballots_are_refused_once_the_poll_has_closed_and_bad_ballots_say_what_is_wrong() throws Exception {
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "SCHULZE", closesAt, false, false,
				"\"options\":[\"Mondays\",\"Fridays\"]");
		MvcResult unknown = f.vote(north.admin(), poll, "{\"ranking\":[\"Sundays\"]}");
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(unknown.getResponse().getContentAsString()).contains("unknown: Sundays");
		f.cast(north.admin(), poll, "{\"ranking\":[\"Fridays\",\"Mondays\"]}");
		f.close(STEWARD, poll, closesAt);

		MvcResult late = f.vote(south.admin(), poll, "{\"ranking\":[\"Mondays\"]}");
		assertThat(late.getResponse().getStatus()).isEqualTo(409);
		assertThat(late.getResponse().getContentAsString()).contains("closed");
	}

	@Test
	void results_hidden_until_close_are_hidden_from_stewards_too() throws Exception {
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", closesAt, false, true, null);
		f.cast(north.admin(), poll, "{\"choice\":\"For\"}");

		mvc.perform(get("/api/governance/polls/" + poll + "/results").with(STEWARD))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
		f.close(STEWARD, poll, closesAt);
		String results = f.send(get("/api/governance/polls/" + poll + "/results"), STEWARD, "");
		assertThat((String) JsonPath.read(results, "$.outcome")).isEqualTo("PASSED");
	}

	@Test
	void only_stewards_admit_members_and_set_voting_rights() throws Exception {
		mvc.perform(post("/api/governance/members").with(north.admin()).contentType("application/json")
				.content("{\"memberClass\":\"PARTNER\",\"name\":\"Self-admitted\",\"partnerId\":\"" + UUID.randomUUID() + "\"}"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/governance/voting-rights/GENERAL")
				.with(north.admin()).contentType("application/json").content("{\"PARTNER\":100}"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
		mvc.perform(post("/api/governance/members").with(STEWARD).contentType("application/json")
				.content("{\"memberClass\":\"PARTNER\",\"name\":\"\"}"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.problems.length()").value(2));
	}

	@Test
	void a_poll_that_opens_later_takes_no_ballots_before_then_and_is_announced_once_it_opens() throws Exception {
		Instant opensAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "MAJORITY", opensAt.plusSeconds(60), false,
				false, "\"opensAt\":\"" + opensAt + "\"");
		PollClock clock = new PollClock(pollStore, polls, closing, Clock.systemUTC());
		clock.tick();

		MvcResult early = f.vote(north.admin(), poll, "{\"choice\":\"For\"}");
		assertThat(early.getResponse().getStatus()).isEqualTo(409);
		assertThat(early.getResponse().getContentAsString()).contains("opens at");
		assertThat(notices(poll)).isZero();
		while (Instant.now().isBefore(opensAt)) {
			Thread.sleep(100);
		}
		clock.tick();
		clock.tick();

		assertThat(notices(poll)).isEqualTo(1);
		f.cast(north.admin(), poll, "{\"choice\":\"For\"}");
	}

	private long notices(String poll) {
		return jdbc.sql("select count(*) from poll_notice where poll_id = cast(:p as uuid) and kind = 'OPENED'")
				.param("p", poll).query(Long.class).single();
	}

	private long receipts(String poll) {
		return jdbc.sql("select count(*) from ballot_receipt where poll_id = cast(:p as uuid)").param("p", poll)
				.query(Long.class).single();
	}
}
