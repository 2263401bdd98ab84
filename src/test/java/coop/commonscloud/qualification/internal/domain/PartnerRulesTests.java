package coop.commonscloud.qualification.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Partner criteria 1 to 7, at every parameter's threshold and one unit either side. */
class PartnerRulesTests {

	static final Instant NOW = Instant.parse("2027-03-01T00:00:00Z");
	// reserve 0 AUD, investor returns 0 AUD, ratio 3:1, pay cap 63024 AUD, land back 10 %, share 80 %, validity 365 d, remedy 30 d
	static final Thresholds T = new Thresholds("AUD", BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("3"),
			new BigDecimal("63024"), new BigDecimal("10"), new BigDecimal("80"), 365, 30);

	static Declaration declaration(long surplus, long investors, String ratio, boolean gender, long labour, String fte,
			long gross, long landBack, Instant at) {
		return new Declaration(UUID.randomUUID(), 2026, "AUD", surplus, investors, 500_000, new BigDecimal(ratio), gender,
				labour, new BigDecimal(fte), gross, landBack, at);
	}

	static Declaration good() {
		return declaration(0, 0, "2.00", true, 6_302_400 * 2, "2", 100_000_00, 10_000_00, NOW.minus(Duration.ofDays(10)));
	}

	static List<EvidenceItem> allApproved(Instant at) {
		List<EvidenceItem> items = new ArrayList<>();
		for (Requirement r : Requirement.values()) {
			items.add(new EvidenceItem(UUID.randomUUID(), r, at, EvidenceItem.Review.APPROVED, null, "steward"));
		}
		return items;
	}

	static final List<SubjectVerdict> GOOD_SERVICES = List.of(
			new SubjectVerdict("Offering Nextcloud", Criterion.FOSS, Verdict.met("AGPL-3.0-or-later is free")));

	static PartnerFacts facts(Declaration d, List<EvidenceItem> evidence, boolean settlerRun) {
		return new PartnerFacts(true, "C-123", Optional.ofNullable(d), evidence, settlerRun, GOOD_SERVICES, NOW);
	}

	@Test
	void a_partner_with_a_good_declaration_and_approved_evidence_meets_every_criterion() {
		var verdicts = PartnerRules.evaluate(facts(good(), allApproved(NOW.minus(Duration.ofDays(1))), true), T);
		assertThat(verdicts).hasSize(7);
		assertThat(verdicts.values()).allMatch(v -> v.is(Verdict.Code.MET), verdicts.toString());
	}

	@ParameterizedTest(name = "surplus {0} cents against a reserve allowance of {1} AUD: {2}")
	@CsvSource({ "0, 0, MET", "1, 0, NOT_MET", "-1, 0, MET", "100000, 1000, MET", "100001, 1000, NOT_MET", "99999, 1000, MET" })
	void profit_does_not_exceed_labour(long surplus, String allowance, String expected) {
		Thresholds t = new Thresholds("AUD", new BigDecimal(allowance), BigDecimal.ZERO, new BigDecimal("3"),
				new BigDecimal("63024"), new BigDecimal("10"), new BigDecimal("80"), 365, 30);
		Declaration d = declaration(surplus, 0, "2", true, 100, "1", 100, 10, NOW);
		assertThat(PartnerRules.profitDoesNotExceedLabour(d, t).code().name()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "investor returns {0} cents against {1} AUD: {2}")
	@CsvSource({ "0, 0, MET", "1, 0, NOT_MET", "50000, 500, MET", "50001, 500, NOT_MET", "49999, 500, MET" })
	void no_returns_to_investors(long returns, String most, String expected) {
		Thresholds t = new Thresholds("AUD", BigDecimal.ZERO, new BigDecimal(most), new BigDecimal("3"),
				new BigDecimal("63024"), new BigDecimal("10"), new BigDecimal("80"), 365, 30);
		Declaration d = declaration(0, returns, "2", true, 100, "1", 100, 10, NOW);
		assertThat(PartnerRules.noReturnsToInvestors(d, t).code().name()).isEqualTo(expected);
	}

	@Test
	void equipment_loan_servicing_is_declared_separately_and_does_not_count_as_investor_returns() {
		Declaration d = new Declaration(UUID.randomUUID(), 2026, "AUD", 0, 0, 9_999_999_99L, new BigDecimal("2"), true, 100,
				BigDecimal.ONE, 100, 10, NOW);
		assertThat(PartnerRules.noReturnsToInvestors(d, T)).returns(Verdict.Code.MET, Verdict::code);
	}

	@ParameterizedTest(name = "pay ratio {0}:1 against a maximum of 3:1: {1}")
	@CsvSource({ "3.00, MET", "3.01, NOT_MET", "2.99, MET", "1, MET", "10, NOT_MET" })
	void pay_ratio_within_the_maximum(String ratio, String expected) {
		assertThat(PartnerRules.payRatioWithinMaximum(declaration(0, 0, ratio, true, 100, "1", 100, 10, NOW), T).code().name())
				.isEqualTo(expected);
	}

	@Test
	void a_missing_gender_pay_policy_is_not_met_and_says_so() {
		Verdict v = PartnerRules.voluntarySimplicity(facts(declaration(0, 0, "2", false, 100, "1", 100, 10, NOW), List.of(), true), T);
		assertThat(v).returns(Verdict.Code.NOT_MET, Verdict::code);
		assertThat(v.reasons()).containsExactly("No gender-pay policy is declared");
	}

	@ParameterizedTest(name = "labour payments {0} cents for {1} FTE against a cap of 63024 AUD: {2}")
	@CsvSource({ "6302400, 1, MET", "6302401, 1, NOT_MET", "6302399, 1, MET", "15756000, 2.5, MET", "15756001, 2.5, NOT_MET",
			"3151200, 0.5, MET", "3151201, 0.5, NOT_MET" })
	void labour_payments_per_full_time_person_within_the_cap(long labour, String fte, String expected) {
		assertThat(PartnerRules.labourPaymentsWithinCap(declaration(0, 0, "2", true, labour, fte, 100, 10, NOW), T).code().name())
				.isEqualTo(expected);
	}

	@ParameterizedTest(name = "land back {0} of gross {1} cents at 10 %: {2}")
	@CsvSource({ "1000000, 10000000, MET", "999999, 10000000, NOT_MET", "1000001, 10000000, MET", "0, 0, MET", "1, 10, MET",
			"1, 11, NOT_MET", "1, 9, MET", "0, 1, NOT_MET" })
	void land_back_contributes_at_least_the_percentage(long landBack, long gross, String expected) {
		assertThat(PartnerRules.landBackContributed(declaration(0, 0, "2", true, 100, "1", gross, landBack, NOW), T).code().name())
				.isEqualTo(expected);
	}

	@Test
	void land_back_does_not_apply_to_a_partner_that_is_not_settler_run() {
		var facts = new PartnerFacts(true, "C-1", Optional.empty(), List.of(), false, GOOD_SERVICES, NOW);
		assertThat(PartnerRules.landBack(facts, T)).returns(Verdict.Code.MET, Verdict::code);
		assertThat(PartnerRules.landBack(facts(good(), List.of(), true), T)).returns(Verdict.Code.PENDING, Verdict::code);
	}

	@ParameterizedTest(name = "declaration {0} days old with a validity of 365 days: {1}")
	@CsvSource({ "364, MET", "365, MET", "366, EXPIRED" })
	void a_yearly_declaration_expires_after_the_evidence_validity(long days, String expected) {
		Declaration d = declaration(0, 0, "2", true, 100, "1", 100, 10, NOW.minus(Duration.ofDays(days)));
		assertThat(PartnerRules.voluntarySimplicity(facts(d, List.of(), true), T).code().name()).isEqualTo(expected);
	}

	@Test
	void without_a_declaration_the_financial_criteria_are_pending() {
		var facts = facts(null, allApproved(NOW), true);
		assertThat(PartnerRules.voluntarySimplicity(facts, T)).returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(PartnerRules.structuralAlignment(facts, T).reasons()).anyMatch(r -> r.contains("declaration is missing"));
	}

	@Test
	void a_declaration_in_another_currency_than_the_parameters_is_not_met() {
		Declaration d = new Declaration(UUID.randomUUID(), 2026, "NZD", 0, 0, 0, new BigDecimal("2"), true, 100, BigDecimal.ONE,
				100, 10, NOW);
		assertThat(PartnerRules.voluntarySimplicity(facts(d, List.of(), true), T)).returns(Verdict.Code.NOT_MET, Verdict::code);
	}

	@Test
	void a_registered_co_operative_needs_no_constitution_but_others_do() {
		List<EvidenceItem> onlyLabour = List.of(new EvidenceItem(UUID.randomUUID(), Requirement.LABOUR_SOLIDARITY, NOW,
				EvidenceItem.Review.APPROVED, null, "s"));
		var coop = new PartnerFacts(true, "C-1", Optional.of(good()), onlyLabour, true, GOOD_SERVICES, NOW);
		var association = new PartnerFacts(false, "A-1", Optional.of(good()), onlyLabour, true, GOOD_SERVICES, NOW);
		var coopWithoutNumber = new PartnerFacts(true, " ", Optional.of(good()), onlyLabour, true, GOOD_SERVICES, NOW);
		assertThat(PartnerRules.structuralAlignment(coop, T)).returns(Verdict.Code.MET, Verdict::code);
		assertThat(PartnerRules.structuralAlignment(association, T)).returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(PartnerRules.structuralAlignment(coopWithoutNumber, T).reasons()).anyMatch(r -> r.contains("constitution"));
	}

	@Test
	void the_end_of_life_plan_needs_all_three_parts() {
		List<EvidenceItem> two = allApproved(NOW).stream().filter(e -> e.requirement() != Requirement.END_OF_LIFE_TAKEOVER).toList();
		Verdict v = PartnerRules.evaluate(facts(good(), two, true), T).get(Criterion.END_OF_LIFE_PLAN);
		assertThat(v).returns(Verdict.Code.PENDING, Verdict::code);
		assertThat(v.reasons()).singleElement().asString().contains("take over");
	}

	@Test
	void sustainable_and_foss_is_derived_from_the_services_and_servers() {
		List<SubjectVerdict> mixed = List.of(GOOD_SERVICES.get(0),
				new SubjectVerdict("Server rack-1", Criterion.RENEWABLES, Verdict.notMet("Renewable share 79.99 % is below 80 %")));
		var facts = new PartnerFacts(true, "C-1", Optional.of(good()), allApproved(NOW), true, mixed, NOW);
		Verdict v = PartnerRules.sustainableAndFoss(facts);
		assertThat(v).returns(Verdict.Code.NOT_MET, Verdict::code);
		assertThat(v.reasons()).containsExactly("Server rack-1, Renewables: Renewable share 79.99 % is below 80 %");
		assertThat(PartnerRules.sustainableAndFoss(new PartnerFacts(true, "C", Optional.empty(), List.of(), true, List.of(), NOW)))
				.returns(Verdict.Code.PENDING, Verdict::code);
	}

	@Test
	void the_reasons_never_name_the_declared_figures() {
		Declaration d = declaration(123_456_78, 987_654_32, "7.77", true, 555_555_55, "1", 100, 0, NOW);
		var verdicts = PartnerRules.evaluate(facts(d, allApproved(NOW), true), T);
		String all = verdicts.values().stream().flatMap(v -> v.reasons().stream()).reduce("", String::concat);
		assertThat(all).doesNotContain("123456", "9876543", "7.77", "555555");
		assertThat(verdicts.get(Criterion.STRUCTURAL_ALIGNMENT)).returns(Verdict.Code.NOT_MET, Verdict::code);
		assertThat(verdicts.get(Criterion.VOLUNTARY_SIMPLICITY)).returns(Verdict.Code.NOT_MET, Verdict::code);
		assertThat(verdicts.get(Criterion.LAND_BACK)).returns(Verdict.Code.NOT_MET, Verdict::code);
	}
}
