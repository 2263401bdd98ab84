package coop.commonscloud.qualification.internal;

import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.internal.domain.SanctionLadder.Step;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Sanction cases, their steps, appeals and decisions; every row is appended, never changed. */
@Repository
@RequiredArgsConstructor
class SanctionStore {

	/**
	 * A case with its current (latest) step. Public, as are {@link #open()} and {@link Appeal#decided()}: the
	 * dashboard template calls them, and SpEL resolves only public methods.
	 */
	public record Case(UUID id, UUID partnerId, Criterion criterion, List<String> reasons, Instant openedAt, Step step,
			Instant stepSince) {

		public boolean open() {
			return step != Step.CLOSED;
		}
	}

	record StepRow(Step step, String note, String recordedBy, Instant recordedAt) {
	}

	public record Appeal(UUID id, UUID caseId, String answer, String submittedBy, Instant submittedAt, Boolean upheld,
			String comment, String decidedBy, Instant decidedAt) {

		public boolean decided() {
			return upheld != null;
		}
	}

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String CASES = "select c.id, c.partner_id, c.criterion, c.reasons, c.opened_at, s.step, s.recorded_at "
			+ "from sanction_case c join lateral (select step, recorded_at from sanction_step where case_id = c.id "
			+ "order by id desc limit 1) s on true ";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	void open(UUID id, UUID partnerId, Criterion criterion, List<String> reasons) {
		jdbc.sql("insert into sanction_case (id, partner_id, criterion, reasons) values (:id, :p, :c, cast(:r as jsonb))")
				.param("id", id).param("p", partnerId).param("c", criterion.name()).param("r", json.writeValueAsString(reasons))
				.update();
	}

	void step(UUID caseId, Step step, String note, String by) {
		jdbc.sql("insert into sanction_step (case_id, step, note, recorded_by) values (:c, :s, :n, :by)").param("c", caseId)
				.param("s", step.name()).param("n", note).param("by", by).update();
	}

	List<Case> casesOf(UUID partnerId) {
		return jdbc.sql(CASES + "where c.partner_id = :p order by c.opened_at desc").param("p", partnerId).query(this::row).list();
	}

	List<Case> openCases() {
		return jdbc.sql(CASES + "where s.step <> 'CLOSED' order by c.opened_at").query(this::row).list();
	}

	Optional<Case> find(UUID id) {
		return jdbc.sql(CASES + "where c.id = :id").param("id", id).query(this::row).optional();
	}

	/** The newest case of the partner for the criterion, open or closed. */
	Optional<Case> latest(UUID partnerId, Criterion criterion) {
		return jdbc.sql(CASES + "where c.partner_id = :p and c.criterion = :c order by c.opened_at desc limit 1")
				.param("p", partnerId).param("c", criterion.name()).query(this::row).optional();
	}

	private Case row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Case(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Criterion.valueOf(rs.getString(3)),
				json.readValue(rs.getString(4), STRINGS), rs.getTimestamp(5).toInstant(), Step.valueOf(rs.getString(6)),
				rs.getTimestamp(7).toInstant());
	}

	List<StepRow> steps(UUID caseId) {
		return jdbc.sql("select step, note, recorded_by, recorded_at from sanction_step where case_id = :c order by id")
				.param("c", caseId).query((rs, n) -> new StepRow(Step.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant())).list();
	}

	void appeal(UUID id, UUID caseId, String answer, String by) {
		jdbc.sql("insert into sanction_appeal (id, case_id, answer, submitted_by) values (:id, :c, :a, :by)").param("id", id)
				.param("c", caseId).param("a", answer).param("by", by).update();
	}

	/** Records the decision; false when the appeal was decided already. */
	boolean decide(UUID appealId, boolean upheld, String comment, String by) {
		return jdbc.sql("insert into sanction_appeal_decision (appeal_id, upheld, comment, decided_by) values (:a, :u, :c, :by) "
				+ "on conflict (appeal_id) do nothing").param("a", appealId).param("u", upheld).param("c", comment)
				.param("by", by).update() == 1;
	}

	private static final String APPEALS = "select a.id, a.case_id, a.answer, a.submitted_by, a.submitted_at, d.upheld, d.comment, "
			+ "d.decided_by, d.decided_at from sanction_appeal a left join sanction_appeal_decision d on d.appeal_id = a.id ";

	List<Appeal> appeals(UUID caseId) {
		return jdbc.sql(APPEALS + "where a.case_id = :c order by a.submitted_at").param("c", caseId).query(SanctionStore::appeal).list();
	}

	List<Appeal> undecidedAppeals() {
		return jdbc.sql(APPEALS + "where d.appeal_id is null order by a.submitted_at").query(SanctionStore::appeal).list();
	}

	Optional<Appeal> findAppeal(UUID id) {
		return jdbc.sql(APPEALS + "where a.id = :id").param("id", id).query(SanctionStore::appeal).optional();
	}

	private static Appeal appeal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Appeal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), (Boolean) rs.getObject(6), rs.getString(7), rs.getString(8),
				rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
	}
}
