package coop.commonscloud.qualification.internal;

import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.CriterionVerdict;
import coop.commonscloud.qualification.Verdict;
import coop.commonscloud.qualification.internal.domain.Declaration;
import coop.commonscloud.qualification.internal.domain.EvidenceItem;
import coop.commonscloud.qualification.internal.domain.ExcludedHost;
import coop.commonscloud.qualification.internal.domain.Requirement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Declarations, evidence and its reviews, the excluded hosts, and the evaluations: all append-only. */
@Repository
@RequiredArgsConstructor
class QualificationStore {

	/** A piece of evidence with its review, as the pages and the API show it (without the file's bytes). */
	record EvidenceRow(UUID id, UUID partnerId, Requirement requirement, String statement, String fileName,
			String contentType, Integer fileBytes, Instant submittedAt, String submittedBy, EvidenceItem.Review review,
			String comment, String reviewedBy, Instant reviewedAt) {

		EvidenceItem item() {
			return new EvidenceItem(id, requirement, submittedAt, review, comment, reviewedBy);
		}
	}

	record EvidenceFile(String fileName, String contentType, byte[] content, UUID partnerId) {
	}

	/** One recorded evaluation with what it used. */
	record Evaluation(long id, UUID partnerId, Criterion criterion, Criterion.Subject subject, UUID subjectId,
			Verdict.Code verdict, List<String> reasons, Map<String, Object> inputs, String cause, Instant evaluatedAt) {
	}

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	void insertDeclaration(UUID id, UUID partnerId, DeclarationInput.Figures f, String actor) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("partner", partnerId);
		p.put("year", f.year());
		p.put("currency", f.currency());
		p.put("surplus", f.surplusAfterLabour().minorUnits());
		p.put("investors", f.investorReturns().minorUnits());
		p.put("loans", f.equipmentLoanServicing().minorUnits());
		p.put("ratio", f.payRatio());
		p.put("gender", f.genderPayPolicy());
		p.put("labour", f.labourPayments().minorUnits());
		p.put("fte", f.fullTimeEquivalents());
		p.put("gross", f.grossRevenue().minorUnits());
		p.put("landback", f.landBackContributions().minorUnits());
		p.put("by", actor);
		jdbc.sql("insert into financial_declaration (id, partner_id, year, currency, surplus_after_labour, investor_returns, "
				+ "equipment_loan_servicing, pay_ratio, gender_pay_policy, labour_payments, full_time_equivalents, gross_revenue, "
				+ "land_back_contributions, declared_by) values (:id, :partner, :year, :currency, :surplus, :investors, :loans, "
				+ ":ratio, :gender, :labour, :fte, :gross, :landback, :by)").params(p).update();
	}

	/** The partner's declarations, newest first. */
	List<Declaration> declarations(UUID partnerId) {
		return jdbc.sql("select * from financial_declaration where partner_id = :p order by declared_at desc, id")
				.param("p", partnerId).query(QualificationStore::declaration).list();
	}

	Optional<Declaration> latestDeclaration(UUID partnerId) {
		return declarations(partnerId).stream().findFirst();
	}

	private static Declaration declaration(ResultSet rs, int row) throws SQLException {
		return new Declaration(rs.getObject("id", UUID.class), rs.getInt("year"), rs.getString("currency"),
				rs.getLong("surplus_after_labour"), rs.getLong("investor_returns"), rs.getLong("equipment_loan_servicing"),
				rs.getBigDecimal("pay_ratio"), rs.getBoolean("gender_pay_policy"), rs.getLong("labour_payments"),
				rs.getBigDecimal("full_time_equivalents"), rs.getLong("gross_revenue"), rs.getLong("land_back_contributions"),
				rs.getTimestamp("declared_at").toInstant());
	}

	void insertEvidence(UUID id, UUID partnerId, Requirement requirement, String statement, String fileName,
			String contentType, byte[] content, String actor) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("partner", partnerId);
		p.put("requirement", requirement.name());
		p.put("statement", statement);
		p.put("fileName", fileName);
		p.put("contentType", contentType);
		p.put("content", content);
		p.put("by", actor);
		jdbc.sql("insert into evidence (id, partner_id, requirement, statement, file_name, content_type, content, submitted_by) "
				+ "values (:id, :partner, :requirement, :statement, :fileName, :contentType, :content, :by)").params(p).update();
	}

	private static final String EVIDENCE = "select e.id, e.partner_id, e.requirement, e.statement, e.file_name, e.content_type, "
			+ "octet_length(e.content) as file_bytes, e.submitted_at, e.submitted_by, r.decision, r.comment, r.reviewed_by, "
			+ "r.reviewed_at from evidence e left join evidence_review r on r.evidence_id = e.id ";

	List<EvidenceRow> evidenceOf(UUID partnerId) {
		return jdbc.sql(EVIDENCE + "where e.partner_id = :p order by e.submitted_at desc, e.id").param("p", partnerId)
				.query(QualificationStore::evidence).list();
	}

	Optional<EvidenceRow> evidence(UUID id) {
		return jdbc.sql(EVIDENCE + "where e.id = :id").param("id", id).query(QualificationStore::evidence).optional();
	}

	/** Evidence awaiting review, oldest first. */
	List<EvidenceRow> awaitingReview() {
		return jdbc.sql(EVIDENCE + "where r.evidence_id is null order by e.submitted_at, e.id")
				.query(QualificationStore::evidence).list();
	}

	Optional<EvidenceFile> file(UUID id) {
		return jdbc.sql("select file_name, content_type, content, partner_id from evidence where id = :id and content is not null")
				.param("id", id).query((rs, n) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3),
						rs.getObject(4, UUID.class))).optional();
	}

	private static EvidenceRow evidence(ResultSet rs, int row) throws SQLException {
		String decision = rs.getString("decision");
		Integer bytes = (Integer) rs.getObject("file_bytes");
		return new EvidenceRow(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				Requirement.valueOf(rs.getString("requirement")), rs.getString("statement"), rs.getString("file_name"),
				rs.getString("content_type"), bytes, rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
				decision == null ? EvidenceItem.Review.SUBMITTED : EvidenceItem.Review.valueOf(decision), rs.getString("comment"),
				rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant());
	}

	/** Records a review; false when the evidence was reviewed already. */
	boolean insertReview(UUID evidenceId, boolean approved, String comment, String reviewer) {
		return jdbc.sql("insert into evidence_review (evidence_id, decision, comment, reviewed_by) values (:id, :d, :c, :by) "
				+ "on conflict (evidence_id) do nothing").param("id", evidenceId).param("d", approved ? "APPROVED" : "REJECTED")
				.param("c", comment).param("by", reviewer).update() == 1;
	}

	/** The stewards who reviewed any of the partner's evidence for these requirements. */
	List<String> reviewersOf(UUID partnerId, List<Requirement> requirements) {
		if (requirements.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct r.reviewed_by from evidence_review r join evidence e on e.id = r.evidence_id "
				+ "where e.partner_id = :p and e.requirement in (:reqs)").param("p", partnerId)
				.param("reqs", requirements.stream().map(Enum::name).toList()).query(String.class).list();
	}

	List<ExcludedHost> excludedHosts() {
		return jdbc.sql("select company, asn from excluded_host order by company, asn")
				.query((rs, n) -> new ExcludedHost(rs.getString(1), (Long) rs.getObject(2))).list();
	}

	void insertEvaluation(UUID partnerId, Criterion criterion, UUID subjectId, Verdict.Code verdict, List<String> reasons,
			Map<String, Object> inputs, String cause) {
		jdbc.sql("insert into qualification_evaluation (partner_id, subject_kind, subject_id, criterion, verdict, reasons, inputs, cause) "
				+ "values (:p, :kind, :subject, :criterion, :verdict, cast(:reasons as jsonb), cast(:inputs as jsonb), :cause)")
				.param("p", partnerId).param("kind", criterion.subject().name()).param("subject", subjectId)
				.param("criterion", criterion.name()).param("verdict", verdict.name()).param("reasons", json.writeValueAsString(reasons))
				.param("inputs", json.writeValueAsString(inputs)).param("cause", cause).update();
	}

	/** The latest evaluation of every criterion of every subject of the partner. */
	List<CriterionVerdict> latestVerdicts(UUID partnerId) {
		return jdbc.sql("select distinct on (subject_kind, subject_id, criterion) * from qualification_evaluation "
				+ "where partner_id = :p order by subject_kind, subject_id, criterion, id desc").param("p", partnerId)
				.query((rs, n) -> {
					Evaluation e = evaluation(rs);
					return new CriterionVerdict(e.criterion(), e.subject(), e.subjectId(), e.verdict(), e.reasons(), e.evaluatedAt());
				}).list();
	}

	/** The partner's evaluations of one criterion, newest first. */
	List<Evaluation> history(UUID partnerId, Criterion criterion, int limit) {
		return jdbc.sql("select * from qualification_evaluation where partner_id = :p and criterion = :c order by id desc limit :limit")
				.param("p", partnerId).param("c", criterion.name()).param("limit", limit).query((rs, n) -> evaluation(rs)).list();
	}

	private Evaluation evaluation(ResultSet rs) throws SQLException {
		return new Evaluation(rs.getLong("id"), rs.getObject("partner_id", UUID.class), Criterion.valueOf(rs.getString("criterion")),
				Criterion.Subject.valueOf(rs.getString("subject_kind")), rs.getObject("subject_id", UUID.class),
				Verdict.Code.valueOf(rs.getString("verdict")), json.readValue(rs.getString("reasons"), STRINGS), json.readValue(rs.getString("inputs"), OBJECT),
				rs.getString("cause"), rs.getTimestamp("evaluated_at").toInstant());
	}

	/** Serialises one partner's evaluations: concurrent evaluations of the same partner wait for each other. */
	void lockPartner(UUID partnerId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('qualification:' || :p))").param("p", partnerId.toString())
				.query((rs, n) -> 1).list();
	}
}
