package coop.commonscloud.qualification.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.qualification.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evidence: pending until reviewed, not met when rejected, met when approved, expired after the validity. */
class EvidenceRuleTests {

	static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

	static EvidenceItem item(Requirement r, Duration age, EvidenceItem.Review review) {
		return new EvidenceItem(UUID.randomUUID(), r, NOW.minus(age), review,
				review == EvidenceItem.Review.REJECTED ? "the document is unsigned" : null,
				review == EvidenceItem.Review.SUBMITTED ? null : "steward-b");
	}

	@Test
	void missing_evidence_is_pending_and_says_what_to_do() {
		Verdict v = EvidenceRule.judge(Requirement.LABOUR_SOLIDARITY, List.of(), NOW, 365);
		assertThat(v).returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(v.reasons().get(0)).contains("missing").contains("union membership");
	}

	@Test
	void submitted_evidence_awaits_review() {
		Verdict v = EvidenceRule.judge(Requirement.LABOUR_SOLIDARITY,
				List.of(item(Requirement.LABOUR_SOLIDARITY, Duration.ofDays(1), EvidenceItem.Review.SUBMITTED)), NOW, 365);
		assertThat(v).returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(v.reasons().get(0)).contains("awaiting a steward's review");
	}

	@Test
	void rejected_evidence_is_not_met_with_the_stewards_comment() {
		Verdict v = EvidenceRule.judge(Requirement.LABOUR_SOLIDARITY,
				List.of(item(Requirement.LABOUR_SOLIDARITY, Duration.ofDays(1), EvidenceItem.Review.REJECTED)), NOW, 365);
		assertThat(v).returns(Verdict.Code.NOT_MET, Verdict::code);
		assertThat(v.reasons().get(0)).contains("the document is unsigned").contains("steward-b");
	}

	@Test
	void evidence_for_another_requirement_does_not_count() {
		Verdict v = EvidenceRule.judge(Requirement.LABOUR_SOLIDARITY,
				List.of(item(Requirement.COMMONS_STEWARDSHIP, Duration.ofDays(1), EvidenceItem.Review.APPROVED)), NOW, 365);
		assertThat(v).returns(Verdict.Code.PENDING, Verdict::code);
	}

	@ParameterizedTest(name = "approved evidence {0} s old with a validity of {1} days: {2}")
	@CsvSource({ "31535999, 365, MET", "31536000, 365, MET", "31536001, 365, EXPIRED", "86400, 1, MET", "86401, 1, EXPIRED" })
	void approved_evidence_counts_for_the_validity_and_then_expires(long ageSeconds, long validity, String expected) {
		Verdict v = EvidenceRule.judge(Requirement.NETWORK_PARTICIPATION,
				List.of(item(Requirement.NETWORK_PARTICIPATION, Duration.ofSeconds(ageSeconds), EvidenceItem.Review.APPROVED)), NOW,
				validity);
		assertThat(v.code().name()).isEqualTo(expected);
	}

	@Test
	void a_renewal_awaiting_review_keeps_expired_evidence_expired_but_says_so() {
		Verdict v = EvidenceRule.judge(Requirement.NETWORK_PARTICIPATION, List.of(
				item(Requirement.NETWORK_PARTICIPATION, Duration.ofDays(400), EvidenceItem.Review.APPROVED),
				item(Requirement.NETWORK_PARTICIPATION, Duration.ofDays(1), EvidenceItem.Review.SUBMITTED)), NOW, 365);
		assertThat(v).returns(Verdict.Code.EXPIRED, Verdict::code);
		assertThat(v.reasons().get(0)).contains("renewal awaits");
	}

	@Test
	void approved_evidence_still_counts_while_a_newer_submission_awaits_review_or_was_rejected() {
		List<EvidenceItem> items = List.of(item(Requirement.NETWORK_PARTICIPATION, Duration.ofDays(100), EvidenceItem.Review.APPROVED),
				item(Requirement.NETWORK_PARTICIPATION, Duration.ofDays(1), EvidenceItem.Review.REJECTED));
		assertThat(EvidenceRule.judge(Requirement.NETWORK_PARTICIPATION, items, NOW, 365)).returns(Verdict.Code.MET, Verdict::code);
	}
}
