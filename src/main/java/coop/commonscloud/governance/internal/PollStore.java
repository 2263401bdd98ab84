package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.Method;
import coop.commonscloud.governance.internal.domain.PollRules;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class PollStore {

	private final JdbcClient jdbc;

	void insert(Poll poll) {
		jdbc.sql("insert into poll (id, proposal_id, method, options, quorum, threshold, max_points, opens_at, closes_at, "
				+ "anonymous, results_hidden, opened_by) values (:id, :proposal, :method, string_to_array(:options, chr(31)), "
				+ ":quorum, :threshold, :max, :opens, :closes, :anonymous, :hidden, :by)")
				.param("id", poll.id()).param("proposal", poll.proposalId())
				.param("method", poll.rules().method().name())
				.param("options", String.join("\u001f", poll.rules().options()))
				.param("quorum", poll.rules().quorum()).param("threshold", poll.rules().threshold())
				.param("max", poll.rules().maxPoints())
				.param("opens", Timestamp.from(poll.opensAt())).param("closes", Timestamp.from(poll.closesAt()))
				.param("anonymous", poll.anonymous()).param("hidden", poll.resultsHidden()).param("by", poll.openedBy())
				.update();
	}

	Optional<Poll> find(UUID id) {
		return jdbc.sql("select * from poll where id = :id").param("id", id).query(PollStore::poll).optional();
	}

	Optional<Poll> forProposal(UUID proposal) {
		return jdbc.sql("select * from poll where proposal_id = :p").param("p", proposal).query(PollStore::poll).optional();
	}

	/** Takes a transaction-long lock on the poll, so ballots and the closing never interleave. */
	void lock(UUID id) {
		jdbc.sql("select id from poll where id = :id for update").param("id", id).query(UUID.class).optional();
	}

	List<UUID> dueForClosing(Instant now) {
		return jdbc.sql("select p.id from poll p where p.closes_at <= :now "
				+ "and not exists (select 1 from decision d where d.poll_id = p.id) order by p.closes_at")
				.param("now", Timestamp.from(now)).query(UUID.class).list();
	}

	List<UUID> openedWithoutNotice(Instant now) {
		return jdbc.sql("select p.id from poll p where p.opens_at <= :now and not exists "
				+ "(select 1 from poll_notice n where n.poll_id = p.id and n.kind = 'OPENED') order by p.opens_at")
				.param("now", Timestamp.from(now)).query(UUID.class).list();
	}

	/** Claims a notice; false when it was already sent. */
	boolean claimNotice(UUID poll, String kind) {
		return jdbc.sql("insert into poll_notice (poll_id, kind) values (:p, :k) on conflict do nothing")
				.param("p", poll).param("k", kind).update() == 1;
	}

	private static Poll poll(ResultSet rs, int n) throws SQLException {
		Array options = rs.getArray("options");
		List<String> list = Arrays.asList((String[]) options.getArray());
		return new Poll(rs.getObject("id", UUID.class), rs.getObject("proposal_id", UUID.class),
				new PollRules(Method.valueOf(rs.getString("method")), list, rs.getBigDecimal("quorum"),
						rs.getBigDecimal("threshold"), rs.getInt("max_points")),
				rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant(),
				rs.getBoolean("anonymous"), rs.getBoolean("results_hidden"), rs.getString("opened_by"));
	}
}
