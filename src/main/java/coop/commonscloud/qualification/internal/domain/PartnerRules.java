package coop.commonscloud.qualification.internal.domain;

import coop.commonscloud.qualification.Criterion;
import coop.commonscloud.qualification.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The partner criteria 1 to 7, each a small named rule over the partner's facts and the thresholds in force. */
public final class PartnerRules {

	private PartnerRules() {
	}

	public static Map<Criterion, Verdict> evaluate(PartnerFacts facts, Thresholds t) {
		Map<Criterion, Verdict> verdicts = new EnumMap<>(Criterion.class);
		verdicts.put(Criterion.STRUCTURAL_ALIGNMENT, structuralAlignment(facts, t));
		verdicts.put(Criterion.COMMONS_STEWARDSHIP, evidence(facts, t, Requirement.COMMONS_STEWARDSHIP));
		verdicts.put(Criterion.END_OF_LIFE_PLAN, Verdict.allOf(List.of(evidence(facts, t, Requirement.END_OF_LIFE_DATA_RETURN),
				evidence(facts, t, Requirement.END_OF_LIFE_USER_MOVE), evidence(facts, t, Requirement.END_OF_LIFE_TAKEOVER))));
		verdicts.put(Criterion.COLLABORATIVE_NETWORK, evidence(facts, t, Requirement.NETWORK_PARTICIPATION));
		verdicts.put(Criterion.VOLUNTARY_SIMPLICITY, voluntarySimplicity(facts, t));
		verdicts.put(Criterion.SUSTAINABLE_AND_FOSS, sustainableAndFoss(facts));
		verdicts.put(Criterion.LAND_BACK, landBack(facts, t));
		return verdicts;
	}

	static Verdict structuralAlignment(PartnerFacts facts, Thresholds t) {
		List<Verdict> parts = new ArrayList<>();
		parts.add(fromDeclaration(facts, t, d -> Verdict.allOf(List.of(
				profitDoesNotExceedLabour(d, t), noReturnsToInvestors(d, t)))));
		parts.add(facts.registeredCooperative() && facts.registrationNumber() != null && !facts.registrationNumber().isBlank()
				? Verdict.met("Registered co-operative number " + facts.registrationNumber())
				: evidence(facts, t, Requirement.CONSTITUTION));
		parts.add(evidence(facts, t, Requirement.LABOUR_SOLIDARITY));
		return Verdict.allOf(parts);
	}

	static Verdict profitDoesNotExceedLabour(Declaration d, Thresholds t) {
		long allowance = minorUnits(t.reserveAllowance(), t.currency());
		return d.surplusAfterLabour() <= allowance
				? Verdict.met("Surplus after labour costs is within the reserve allowance of " + t.reserveAllowance().toPlainString() + " " + t.currency())
				: Verdict.notMet("Surplus after labour costs exceeds the reserve allowance of " + t.reserveAllowance().toPlainString() + " " + t.currency());
	}

	static Verdict noReturnsToInvestors(Declaration d, Thresholds t) {
		long most = minorUnits(t.investorReturns(), t.currency());
		return d.investorReturns() <= most
				? Verdict.met("Investor returns within " + t.investorReturns().toPlainString() + " " + t.currency()
						+ " (equipment-loan servicing is declared separately)")
				: Verdict.notMet("Investor returns exceed " + t.investorReturns().toPlainString() + " " + t.currency()
						+ " (equipment-loan servicing is allowed, declared separately)");
	}

	static Verdict voluntarySimplicity(PartnerFacts facts, Thresholds t) {
		return fromDeclaration(facts, t, d -> Verdict.allOf(List.of(payRatioWithinMaximum(d, t), genderPayPolicyExists(d),
				labourPaymentsWithinCap(d, t))));
	}

	static Verdict payRatioWithinMaximum(Declaration d, Thresholds t) {
		return d.payRatio().compareTo(t.payRatioMaximum()) <= 0
				? Verdict.met("Highest-to-lowest pay ratio is within " + t.payRatioMaximum().toPlainString() + ":1")
				: Verdict.notMet("Highest-to-lowest pay ratio exceeds " + t.payRatioMaximum().toPlainString() + ":1");
	}

	static Verdict genderPayPolicyExists(Declaration d) {
		return d.genderPayPolicy() ? Verdict.met("A gender-pay policy exists")
				: Verdict.notMet("No gender-pay policy is declared");
	}

	static Verdict labourPaymentsWithinCap(Declaration d, Thresholds t) {
		// labour payments / FTE <= cap, kept exact: payments <= cap * FTE (in minor units)
		BigDecimal allowed = BigDecimal.valueOf(minorUnits(t.payCap(), t.currency())).multiply(d.fullTimeEquivalents());
		return BigDecimal.valueOf(d.labourPayments()).compareTo(allowed) <= 0
				? Verdict.met("Labour payments per full-time person are within the cap of " + t.payCap().toPlainString() + " " + t.currency())
				: Verdict.notMet("Labour payments per full-time person exceed the cap of " + t.payCap().toPlainString() + " " + t.currency());
	}

	static Verdict sustainableAndFoss(PartnerFacts facts) {
		if (facts.servicesAndServers().isEmpty()) {
			return Verdict.pending("No service offerings or servers are recorded yet: add them to the catalogue and the server list");
		}
		return Verdict.allOf(facts.servicesAndServers().stream()
				.map(s -> prefixed(s.subject() + ", " + s.criterion().label() + ": ", s.verdict())).toList());
	}

	static Verdict landBack(PartnerFacts facts, Thresholds t) {
		if (!facts.settlerRun()) {
			return Verdict.met("Not settler-run: the land-back contribution does not apply");
		}
		return Verdict.allOf(List.of(fromDeclaration(facts, t, d -> landBackContributed(d, t)),
				evidence(facts, t, Requirement.LAND_BACK)));
	}

	static Verdict landBackContributed(Declaration d, Thresholds t) {
		// contributions / gross revenue >= percent / 100, kept exact
		BigDecimal contributed = BigDecimal.valueOf(d.landBackContributions()).multiply(BigDecimal.valueOf(100));
		BigDecimal owed = t.landBackPercent().multiply(BigDecimal.valueOf(d.grossRevenue()));
		return contributed.compareTo(owed) >= 0
				? Verdict.met("Land-back contributions reach " + t.landBackPercent().toPlainString() + " % of gross revenue")
				: Verdict.notMet("Land-back contributions are below " + t.landBackPercent().toPlainString() + " % of gross revenue");
	}

	private static Verdict evidence(PartnerFacts facts, Thresholds t, Requirement r) {
		return EvidenceRule.judge(r, facts.evidence(), facts.asOf(), t.evidenceValidityDays());
	}

	private static Verdict fromDeclaration(PartnerFacts facts, Thresholds t, Function<Declaration, Verdict> rule) {
		if (facts.declaration().isEmpty()) {
			return Verdict.pending("The yearly financial declaration is missing: submit it on the qualification page");
		}
		Declaration d = facts.declaration().get();
		if (d.declaredAt().plus(Duration.ofDays(t.evidenceValidityDays())).isBefore(facts.asOf())) {
			return Verdict.expired("The financial declaration for " + d.year() + " is older than "
					+ t.evidenceValidityDays() + " days: submit this year's");
		}
		if (!d.currency().equals(t.currency())) {
			return Verdict.notMet("The declaration is in " + d.currency() + " but the region's parameters are in "
					+ t.currency() + ": declare in " + t.currency());
		}
		return rule.apply(d);
	}

	static long minorUnits(BigDecimal amount, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return amount.movePointRight(digits).setScale(0, RoundingMode.FLOOR).longValueExact();
	}

	private static Verdict prefixed(String prefix, Verdict v) {
		return new Verdict(v.code(), v.reasons().stream().map(r -> prefix + r).toList());
	}
}
