package coop.commonscloud.governance.internal;

import coop.commonscloud.governance.internal.domain.MemberClass;
import coop.commonscloud.governance.internal.domain.ProposalKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class MemberStore {

	private final JdbcClient jdbc;

	void insert(Member member, String admittedBy) {
		jdbc.sql("insert into governance_member (id, member_class, name, partner_id, username, email, admitted_by) "
				+ "values (:id, :class, :name, :partner, :username, :email, :by)")
				.param("id", member.id())
				.param("class", member.memberClass().name())
				.param("name", member.name())
				.param("partner", member.partnerId())
				.param("username", member.username())
				.param("email", member.email())
				.param("by", admittedBy)
				.update();
	}

	Optional<Member> find(UUID id) {
		return jdbc.sql("select * from governance_member where id = :id").param("id", id).query(MemberStore::member).optional();
	}

	List<Member> page(long offset, int size) {
		return jdbc.sql("select * from governance_member order by member_class, name, id limit :size offset :offset")
				.param("size", size).param("offset", offset).query(MemberStore::member).list();
	}

	long count() {
		return jdbc.sql("select count(*) from governance_member").query(Long.class).single();
	}

	void appointDelegate(UUID member, String username, String email, String by) {
		jdbc.sql("insert into governance_delegate (member_id, username, email, appointed_by) values (:m, :u, :e, :by)")
				.param("m", member).param("u", username).param("e", email).param("by", by).update();
	}

	boolean isDelegate(UUID member, String username) {
		return jdbc.sql("select count(*) from governance_delegate where member_id = :m and lower(username) = lower(:u)")
				.param("m", member).param("u", username).query(Long.class).single() > 0;
	}

	List<String> delegateEmails(UUID member) {
		return jdbc.sql("select email from governance_delegate where member_id = :m and email is not null")
				.param("m", member).query(String.class).list();
	}

	void recordProxy(UUID member, UUID holder, String by) {
		jdbc.sql("insert into governance_proxy (member_id, holder_id, recorded_by) values (:m, :h, :by)")
				.param("m", member).param("h", holder).param("by", by).update();
	}

	/** The members this account speaks for directly: as steward, partner admin, named delegate or person-member. */
	List<Member> spokenForBy(String username, boolean steward, UUID adminOf) {
		return jdbc.sql("select m.* from governance_member m where (m.member_class = 'STEWARD_ORGANISATION' and :steward) "
				+ "or (cast(:partner as uuid) is not null and m.partner_id = :partner) or lower(m.username) = lower(:username) "
				+ "or exists (select 1 from governance_delegate d where d.member_id = m.id and lower(d.username) = lower(:username)) "
				+ "order by m.name, m.id")
				.param("steward", steward).param("partner", adminOf).param("username", username)
				.query(MemberStore::member).list();
	}

	/** Members whose proxy in force is held by one of {@code holders}. */
	List<Member> proxiesHeldBy(List<UUID> holders) {
		if (holders.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select m.* from governance_member m join (select distinct on (member_id) member_id, holder_id "
				+ "from governance_proxy order by member_id, id desc) p on p.member_id = m.id "
				+ "where p.holder_id in (:holders) order by m.name, m.id")
				.param("holders", holders).query(MemberStore::member).list();
	}

	Map<MemberClass, BigDecimal> weights(ProposalKind kind) {
		Map<MemberClass, BigDecimal> weights = new EnumMap<>(MemberClass.class);
		jdbc.sql("select member_class, weight from governance_voting_right where proposal_kind = :kind")
				.param("kind", kind.name())
				.query((rs, n) -> weights.put(MemberClass.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
				.list();
		return weights;
	}

	void replaceWeights(ProposalKind kind, Map<MemberClass, BigDecimal> weights) {
		jdbc.sql("delete from governance_voting_right where proposal_kind = :kind").param("kind", kind.name()).update();
		weights.forEach((memberClass, weight) -> jdbc.sql("insert into governance_voting_right (proposal_kind, member_class, "
				+ "weight) values (:kind, :class, :weight)")
				.param("kind", kind.name()).param("class", memberClass.name()).param("weight", weight).update());
	}

	/** Members of the given classes, except the excluded ones. */
	List<Member> ofClasses(List<MemberClass> classes, List<UUID> excluded) {
		if (classes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from governance_member where member_class in (:classes) "
				+ "and id not in (:excluded) order by name, id")
				.param("classes", classes.stream().map(Enum::name).toList())
				.param("excluded", excluded.isEmpty() ? List.of(new UUID(0, 0)) : excluded)
				.query(MemberStore::member).list();
	}

	private static Member member(ResultSet rs, int n) throws SQLException {
		return new Member(rs.getObject("id", UUID.class), MemberClass.valueOf(rs.getString("member_class")),
				rs.getString("name"), rs.getObject("partner_id", UUID.class), rs.getString("username"),
				rs.getString("email"), rs.getTimestamp("admitted_at").toInstant());
	}
}
