package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class DecisionStore {

	private final JdbcClient jdbc;

	Decision insert(Decision d) {
		jdbc.sql("insert into decision (id, poll_id, proposal_id, outcome, winner, explanation, weight_cast, ballots_cast, "
				+ "details, decided_by) values (:id, :poll, :proposal, :outcome, :winner, :explanation, :weight, :ballots, "
				+ "cast(:details as jsonb), :by)")
				.param("id", d.id()).param("poll", d.pollId()).param("proposal", d.proposalId())
				.param("outcome", d.outcome().name()).param("winner", d.winner()).param("explanation", d.explanation())
				.param("weight", d.weightCast()).param("ballots", d.ballotsCast()).param("details", d.details())
				.param("by", d.decidedBy())
				.update();
		return find(d.id()).orElseThrow();
	}

	Optional<Decision> find(UUID id) {
		return jdbc.sql("select * from decision where id = :id").param("id", id).query(DecisionStore::decision).optional();
	}

	Optional<Decision> byNumber(long number) {
		return jdbc.sql("select * from decision where number = :n").param("n", number).query(DecisionStore::decision).optional();
	}

	Optional<Decision> forPoll(UUID poll) {
		return jdbc.sql("select * from decision where poll_id = :p").param("p", poll).query(DecisionStore::decision).optional();
	}

	List<Decision> page(long offset, int size) {
		return jdbc.sql("select * from decision order by number desc limit :size offset :offset")
				.param("size", size).param("offset", offset).query(DecisionStore::decision).list();
	}

	long count() {
		return jdbc.sql("select count(*) from decision").query(Long.class).single();
	}

	private static Decision decision(ResultSet rs, int n) throws SQLException {
		return new Decision(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("poll_id", UUID.class),
				rs.getObject("proposal_id", UUID.class), Outcome.valueOf(rs.getString("outcome")), rs.getString("winner"),
				rs.getString("explanation"), rs.getBigDecimal("weight_cast"), rs.getInt("ballots_cast"),
				rs.getString("details"), rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"));
	}
}
