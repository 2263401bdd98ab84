package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.BallotContent;
import coop.commonscloud.governance.internal.domain.Cast;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ballots and receipts. Named ballots name their member; anonymous ballots carry only the hash of
 * the voter's token and are never written together with anything that names the voter.
 */
@Repository
@RequiredArgsConstructor
class BallotStore {

	private final JdbcClient jdbc;
	private final BallotSeal seal;

	void receipt(UUID poll, UUID member, String castBy, boolean byProxy) {
		jdbc.sql("insert into ballot_receipt (poll_id, member_id, cast_by, by_proxy) values (:p, :m, :by, :proxy)")
				.param("p", poll).param("m", member).param("by", castBy).param("proxy", byProxy).update();
	}

	List<Receipt> receipts(UUID poll) {
		return jdbc.sql("select r.*, m.name from ballot_receipt r join governance_member m on m.id = r.member_id "
				+ "where r.poll_id = :p order by r.id")
				.param("p", poll)
				.query((rs, n) -> new Receipt(rs.getObject("member_id", UUID.class), rs.getString("name"),
						rs.getString("cast_by"), rs.getBoolean("by_proxy"), rs.getTimestamp("cast_at").toInstant()))
				.list();
	}

	void named(UUID poll, UUID member, BallotContent content, BigDecimal weight) {
		jdbc.sql("insert into named_ballot (poll_id, member_id, content, weight) values (:p, :m, :c, :w)")
				.param("p", poll).param("m", member).param("c", content.encode()).param("w", weight).update();
	}

	/** A member's latest ballot in a named poll. */
	Optional<BallotContent> latestNamed(UUID poll, UUID member) {
		return jdbc.sql("select content from named_ballot where poll_id = :p and member_id = :m order by id desc limit 1")
				.param("p", poll).param("m", member).query(String.class).optional().map(BallotContent::decode);
	}

	/** The first casting of a member in an anonymous poll claims participation; false if already taken. */
	boolean claimParticipation(UUID poll, UUID member) {
		return jdbc.sql("insert into anonymous_participation (poll_id, member_id) values (:p, :m) on conflict do nothing")
				.param("p", poll).param("m", member).update() == 1;
	}

	boolean participated(UUID poll, UUID member) {
		return jdbc.sql("select count(*) from anonymous_participation where poll_id = :p and member_id = :m")
				.param("p", poll).param("m", member).query(Long.class).single() > 0;
	}

	record Revision(int number, BigDecimal weight) {
	}

	Optional<Revision> latestRevision(UUID poll, String tokenHash) {
		return jdbc.sql("select revision, sealed from anonymous_ballot where poll_id = :p and token_hash = :h "
				+ "order by revision desc limit 1")
				.param("p", poll).param("h", tokenHash)
				.query((rs, n) -> new Revision(rs.getInt(1), opened(poll, rs.getString(2)).weight())).optional();
	}

	/** Appends an anonymous ballot; its content and weight are sealed, so the row tells nothing but its token's hash. */
	void anonymous(UUID poll, String tokenHash, int revision, BallotContent content, BigDecimal weight) {
		jdbc.sql("insert into anonymous_ballot (id, poll_id, token_hash, revision, sealed) values (:id, :p, :h, :r, :s)")
				.param("id", UUID.randomUUID()).param("p", poll).param("h", tokenHash).param("r", revision)
				.param("s", seal.seal(poll, content.encode() + "|" + weight.toPlainString())).update();
	}

	private Cast opened(UUID poll, String sealed) {
		String plain = seal.open(poll, sealed);
		int bar = plain.lastIndexOf('|');
		return new Cast(BallotContent.decode(plain.substring(0, bar)), new BigDecimal(plain.substring(bar + 1)));
	}

	/** The ballots that count: the latest per member (named) or per token (anonymous). */
	List<Cast> counted(UUID poll, boolean anonymous) {
		if (anonymous) {
			return jdbc.sql("select distinct on (token_hash) sealed from anonymous_ballot where poll_id = :p "
					+ "order by token_hash, revision desc")
					.param("p", poll).query(String.class).list().stream().map(sealed -> opened(poll, sealed)).toList();
		}
		return jdbc.sql("select distinct on (member_id) content, weight from named_ballot where poll_id = :p "
				+ "order by member_id, id desc").param("p", poll)
				.query((rs, n) -> new Cast(BallotContent.decode(rs.getString(1)), rs.getBigDecimal(2))).list();
	}

	record NamedBallot(String memberName, BallotContent content, BigDecimal weight) {
	}

	/** How each member voted in a named poll (its latest ballot). */
	List<NamedBallot> namedBallots(UUID poll) {
		return jdbc.sql("select m.name, b.content, b.weight from (select distinct on (member_id) member_id, content, weight "
				+ "from named_ballot where poll_id = :p order by member_id, id desc) b "
				+ "join governance_member m on m.id = b.member_id order by m.name")
				.param("p", poll)
				.query((rs, n) -> new NamedBallot(rs.getString(1), BallotContent.decode(rs.getString(2)), rs.getBigDecimal(3)))
				.list();
	}
}
