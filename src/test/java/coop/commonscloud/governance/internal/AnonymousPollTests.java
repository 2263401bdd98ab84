package coop.commonscloud.governance.internal;

import static coop.commonscloud.governance.internal.GovernanceFixtures.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An anonymous poll never reveals who voted what, not even to stewards: checked on the API a
 * steward sees and on every stored row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnonymousPollTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	@Test
	void an_anonymous_poll_stores_nothing_that_links_a_voter_to_their_ballot() throws Exception {
		GovernanceFixtures f = new GovernanceFixtures(mvc);
		var north = f.partnerMember("North Co-op", null);
		var south = f.partnerMember("South Co-op", null);
		Instant closesAt = Instant.now().plusSeconds(GovernanceFixtures.VOTING_WINDOW_SECONDS);
		String poll = f.poll(north.admin(), f.generalProposal(north.admin()), "CONSENT", closesAt, true, false, null);

		String northToken = JsonPath.read(f.cast(north.admin(), poll, "{\"choice\":\"Agree\"}"), "$.token");
		String southToken = JsonPath.read(f.cast(south.admin(), poll, "{\"choice\":\"Disagree\"}"), "$.token");
		f.cast(STEWARD, poll, "{\"choice\":\"Abstain\"}");
		// North changes its mind with its token; casting again without it is refused
		MvcResult again = f.vote(north.admin(), poll, "{\"choice\":\"Block\"}");
		f.cast(north.admin(), poll, "{\"choice\":\"Disagree\",\"token\":\"" + northToken + "\"}");
		MvcResult stolen = f.vote(north.admin(), poll, "{\"choice\":\"Agree\",\"token\":\"" + "x".repeat(43) + "\"}");
		f.close(STEWARD, poll, closesAt);

		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(stolen.getResponse().getStatus()).isEqualTo(400);

		// the ballot table has no column that could name a voter, and no key to any table that does
		assertThat(columns("anonymous_ballot")).containsExactlyInAnyOrder("id", "poll_id", "token_hash", "revision", "sealed");
		assertThat(foreignKeysFrom("anonymous_ballot")).containsExactly("poll");
		// receipts and participation say who, never what
		assertThat(columns("ballot_receipt")).doesNotContain("content", "token_hash", "ballot_id");
		assertThat(columns("anonymous_participation")).containsExactlyInAnyOrder("poll_id", "member_id");

		// no stored row anywhere outside the ballot table holds a token or its hash ...
		List<String> hashes = jdbc.sql("select distinct token_hash from anonymous_ballot where poll_id = cast(:p as uuid)")
				.param("p", poll).query(String.class).list();
		assertThat(hashes).hasSize(3);
		for (String table : tables()) {
			String rows = jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from \"" + table + "\" t").query(String.class)
					.single();
			assertThat(rows).as(table).doesNotContain(northToken).doesNotContain(southToken);
			if (!table.equals("anonymous_ballot")) {
				hashes.forEach(h -> assertThat(rows).as(table).doesNotContain(h));
			}
		}
		// ... and the ballot rows hold no member id, account name or receipt time
		String ballots = jdbc.sql("select string_agg(b::text, ' ') from anonymous_ballot b where poll_id = cast(:p as uuid)")
				.param("p", poll).query(String.class).single();
		for (String identity : List.of(north.memberId(), south.memberId(), north.adminName(), south.adminName(), "admin",
				Member.STEWARD_ORGANISATION.toString())) {
			assertThat(ballots).doesNotContain(identity);
		}
		// what a ballot says is sealed with a key the database never holds: even rows written by the same
		// transaction as a receipt (PostgreSQL's xmin) give a database reader only ciphertext, different
		// for every ballot, including the two that both say Disagree
		List<String> sealed = jdbc.sql("select sealed from anonymous_ballot where poll_id = cast(:p as uuid)").param("p", poll)
				.query(String.class).list();
		assertThat(sealed).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).doesNotContain("choice").doesNotContain("|"));
		List<String> joinedOnTransaction = jdbc.sql("select b.sealed from ballot_receipt r join anonymous_ballot b "
				+ "on b.xmin::text = r.xmin::text where r.poll_id = cast(:p as uuid)").param("p", poll).query(String.class).list();
		assertThat(joinedOnTransaction).hasSize(3).allSatisfy(s -> assertThat(s).doesNotContain("choice"));
		// the history is kept: North's token has two revisions, the latest counts
		assertThat(jdbc.sql("select count(*) from anonymous_ballot where poll_id = cast(:p as uuid)").param("p", poll)
				.query(Long.class).single()).isEqualTo(4);

		// a steward sees who voted (one receipt per member, for its first casting) and the totals, never who voted what
		String receipts = f.send(get("/api/governance/polls/" + poll + "/receipts"), STEWARD, "");
		assertThat((List<String>) JsonPath.read(receipts, "$[*].memberName")).hasSize(3);
		assertThat(receipts).doesNotContain("Agree").doesNotContain("Disagree").doesNotContain("Abstain");
		String results = f.send(get("/api/governance/polls/" + poll + "/results"), STEWARD, "");
		assertThat((List<?>) JsonPath.read(results, "$.namedBallots")).isEmpty();
		Map<String, Number> totals = JsonPath.read(results, "$.totals");
		assertThat(totals.get("Disagree").intValue()).isEqualTo(2);
		assertThat(totals.get("Abstain").intValue()).isEqualTo(1);
		assertThat(totals.get("Agree").intValue()).isZero();
		assertThat((String) JsonPath.read(results, "$.outcome")).isEqualTo("REJECTED");
	}

	private List<String> columns(String table) {
		return jdbc.sql("select column_name from information_schema.columns where table_schema = 'public' and table_name = :t")
				.param("t", table).query(String.class).list();
	}

	private List<String> foreignKeysFrom(String table) {
		return jdbc.sql("select ccu.table_name from information_schema.table_constraints tc "
				+ "join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name "
				+ "where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = :t")
				.param("t", table).query(String.class).list();
	}

	private List<String> tables() {
		return new ArrayList<>(jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list());
	}
}
