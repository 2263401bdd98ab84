package coop.commonscloud.governance.internal;

import coop.commonscloud.platform.PersonalData;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's part in the region's governance ({@code governance.json}): memberships, delegations,
 * proposals, comments, named ballots and receipts. Anonymous ballots carry no voter, so the export
 * can only say in which anonymous polls they took part. On leaving, their own membership is
 * pseudonymised and their delegations end; what they wrote stays in the public record.
 */
@Component
@RequiredArgsConstructor
class GovernancePersonalData implements PersonalData {

	private static final String PUBLIC_RECORD = "part of the region's public deliberation record (append-only), kept as written";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	@Override
	public List<Holding> holdings() {
		return List.of(
				new Holding("governance_member", "username", true, Fate.ERASED,
						"a person's own membership: name, username and address are overwritten with the pseudonym"),
				new Holding("governance_delegate", "username", true, Fate.ERASED, "their delegations for organisations end"),
				new Holding("proposal", "author", true, Fate.KEPT, PUBLIC_RECORD),
				new Holding("proposal_comment", "author", true, Fate.KEPT, PUBLIC_RECORD),
				new Holding("ballot_receipt", "cast_by", true, Fate.KEPT, "who cast a ballot (never what); " + PUBLIC_RECORD),
				new Holding("ballot_receipt", "member_id", true, Fate.KEPT_UNDER_PSEUDONYM,
						"the membership a receipt was cast for; exported with the receipts"),
				new Holding("named_ballot", "member_id", true, Fate.KEPT_UNDER_PSEUDONYM,
						"named ballots count in recorded decisions; they name the pseudonymised membership"),
				new Holding("anonymous_participation", "member_id", true, Fate.KEPT_UNDER_PSEUDONYM,
						"that they took part, never how; needed so no one votes twice"),
				new Holding("anonymous_ballot", "(none)", false, Fate.KEPT,
						"carries no voter: only a hash of a token the voter alone held, so it cannot be linked to anyone"));
	}

	@Override
	public List<ExportFile> export(Person person) {
		String username = person.username();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("schemaVersion", 1);
		file.put("memberships", jdbc.sql("""
				select id, member_class, name, email, admitted_at from governance_member
				where lower(username) = lower(:u) order by admitted_at""").param("u", username)
				.query((rs, n) -> row("memberId", rs.getString(1), "class", rs.getString(2), "name", rs.getString(3),
						"email", rs.getString(4), "admittedAt", instant(rs.getTimestamp(5))))
				.list());
		file.put("delegateFor", jdbc.sql("""
				select m.id, m.name, d.email, d.appointed_at from governance_delegate d
				join governance_member m on m.id = d.member_id where lower(d.username) = lower(:u) order by d.appointed_at""")
				.param("u", username)
				.query((rs, n) -> row("memberId", rs.getString(1), "member", rs.getString(2), "email", rs.getString(3),
						"appointedAt", instant(rs.getTimestamp(4))))
				.list());
		file.put("proposals", jdbc.sql("""
				select id, number, kind, title, rationale, state, created_at from proposal
				where lower(author) = lower(:u) order by number""").param("u", username)
				.query((rs, n) -> row("proposalId", rs.getString(1), "number", rs.getLong(2), "kind", rs.getString(3),
						"title", rs.getString(4), "rationale", rs.getString(5), "state", rs.getString(6), "createdAt",
						instant(rs.getTimestamp(7))))
				.list());
		file.put("comments", jdbc.sql("""
				select proposal_id, body, written_at from proposal_comment where lower(author) = lower(:u) order by id""")
				.param("u", username)
				.query((rs, n) -> row("proposalId", rs.getString(1), "body", rs.getString(2), "writtenAt",
						instant(rs.getTimestamp(3))))
				.list());
		file.put("namedBallots", jdbc.sql("""
				select b.poll_id, b.content, b.weight, b.cast_at from named_ballot b
				join governance_member m on m.id = b.member_id where lower(m.username) = lower(:u) order by b.id""")
				.param("u", username)
				.query((rs, n) -> row("pollId", rs.getString(1), "content", rs.getString(2), "weight",
						rs.getBigDecimal(3).toPlainString(), "castAt", instant(rs.getTimestamp(4))))
				.list());
		file.put("ballotReceipts", jdbc.sql("""
				select poll_id, member_id, by_proxy, cast_at from ballot_receipt where lower(cast_by) = lower(:u) order by id""")
				.param("u", username)
				.query((rs, n) -> row("pollId", rs.getString(1), "forMemberId", rs.getString(2), "byProxy", rs.getBoolean(3),
						"castAt", instant(rs.getTimestamp(4))))
				.list());
		file.put("anonymousPollsTakenPartIn", jdbc.sql("""
				select a.poll_id from anonymous_participation a join governance_member m on m.id = a.member_id
				where lower(m.username) = lower(:u) order by a.poll_id""").param("u", username).query(String.class).list());
		file.put("anonymousBallots", "Ballots of anonymous polls carry no voter, only a hash of a token you alone held; "
				+ "no one, this export included, can link them to you, so they are not in it.");
		return List.of(new ExportFile("governance.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(file)));
	}

	@Override
	public void forget(Person person) {
		jdbc.sql("""
				update governance_member set name = 'Former member', username = :pseudonym, email = null
				where member_class = 'PERSON' and lower(username) = lower(:u)""")
				.param("pseudonym", person.pseudonym()).param("u", person.username()).update();
		jdbc.sql("delete from governance_delegate where lower(username) = lower(:u)").param("u", person.username()).update();
	}

	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	private static String instant(Timestamp at) {
		return at == null ? null : at.toInstant().toString();
	}
}
