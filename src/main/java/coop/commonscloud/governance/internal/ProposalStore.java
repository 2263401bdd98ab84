package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.ProposalKind;
import coop.commonscloud.governance.internal.domain.ProposalState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class ProposalStore {

	private final JdbcClient jdbc;

	void insert(Proposal p) {
		jdbc.sql("insert into proposal (id, kind, title, rationale, state, author, parameter_key, parameter_value, "
				+ "effective_from, criteria_change) values (:id, :kind, :title, :rationale, :state, :author, :key, :value, "
				+ ":from, :criteria)")
				.param("id", p.id()).param("kind", p.kind().name()).param("title", p.title())
				.param("rationale", p.rationale()).param("state", p.state().name()).param("author", p.author())
				.param("key", p.parameterKey()).param("value", p.parameterValue())
				.param("from", p.effectiveFrom() == null ? null : Timestamp.from(p.effectiveFrom()))
				.param("criteria", p.criteriaChange())
				.update();
		for (UUID member : p.involvedMembers()) {
			jdbc.sql("insert into proposal_involved_member (proposal_id, member_id) values (:p, :m)")
					.param("p", p.id()).param("m", member).update();
		}
	}

	/** Moves a proposal on, only from the state the caller saw: false if someone else moved it first. */
	boolean move(UUID id, ProposalState from, ProposalState to) {
		return jdbc.sql("update proposal set state = :to where id = :id and state = :from")
				.param("id", id).param("from", from.name()).param("to", to.name()).update() == 1;
	}

	Optional<Proposal> find(UUID id) {
		return jdbc.sql("select * from proposal where id = :id").param("id", id).query(this::proposal).optional();
	}

	Optional<Proposal> findByNumber(long number) {
		return jdbc.sql("select * from proposal where number = :n").param("n", number).query(this::proposal).optional();
	}

	List<Proposal> page(long offset, int size) {
		return jdbc.sql("select * from proposal order by number desc limit :size offset :offset")
				.param("size", size).param("offset", offset).query(this::proposal).list();
	}

	long count() {
		return jdbc.sql("select count(*) from proposal").query(Long.class).single();
	}

	void comment(UUID proposal, String author, String body) {
		jdbc.sql("insert into proposal_comment (proposal_id, author, body) values (:p, :a, :b)")
				.param("p", proposal).param("a", author).param("b", body).update();
	}

	List<Comment> comments(UUID proposal) {
		return jdbc.sql("select * from proposal_comment where proposal_id = :p order by id")
				.param("p", proposal)
				.query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
						rs.getTimestamp("written_at").toInstant()))
				.list();
	}

	private Proposal proposal(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Timestamp from = rs.getTimestamp("effective_from");
		List<UUID> involved = jdbc.sql("select member_id from proposal_involved_member where proposal_id = :p order by member_id")
				.param("p", id).query(UUID.class).list();
		return new Proposal(id, rs.getLong("number"), ProposalKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("rationale"), ProposalState.valueOf(rs.getString("state")), rs.getString("author"),
				rs.getString("parameter_key"), rs.getBigDecimal("parameter_value"), from == null ? null : from.toInstant(),
				rs.getString("criteria_change"), involved, rs.getTimestamp("created_at").toInstant());
	}
}
