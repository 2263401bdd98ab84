package coop.commonscloud.qualification.internal;

import coop.commonscloud.platform.InvalidInput;
import coop.commonscloud.platform.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A yearly financial declaration as a partner submits it. Amounts are in major units of
 * {@code currency} (such as "1234.50"); they are stored as minor units.
 */
record DeclarationInput(Integer year, String currency, String surplusAfterLabour, String investorReturns,
		String equipmentLoanServicing, String payRatio, Boolean genderPayPolicy, String labourPayments,
		String fullTimeEquivalents, String grossRevenue, String landBackContributions) {

	/** The validated figures; every problem is listed at once. */
	record Figures(int year, String currency, Money surplusAfterLabour, Money investorReturns,
			Money equipmentLoanServicing, BigDecimal payRatio, boolean genderPayPolicy, Money labourPayments,
			BigDecimal fullTimeEquivalents, Money grossRevenue, Money landBackContributions) {
	}

	Figures figures() {
		List<String> problems = new ArrayList<>();
		String cur = currency == null || currency.isBlank() ? "AUD" : currency.strip().toUpperCase(java.util.Locale.ROOT);
		if (year == null || year < 2000 || year > 2200) {
			problems.add("Give the year the declaration covers, such as 2026");
		}
		if (!cur.matches("[A-Z]{3}")) {
			problems.add("The currency is a three-letter ISO code, such as AUD");
			cur = "AUD";
		}
		Money surplus = money(surplusAfterLabour, cur, "the surplus after labour costs", true, problems);
		Money investors = money(investorReturns, cur, "the returns paid to investors", false, problems);
		Money loans = money(equipmentLoanServicing, cur, "the equipment-loan servicing", false, problems);
		BigDecimal ratio = decimal(payRatio, "the ratio of highest to lowest pay (such as 2.5)", problems);
		if (ratio != null && ratio.compareTo(BigDecimal.ONE) < 0) {
			problems.add("The ratio of highest to lowest pay is at least 1");
		}
		if (genderPayPolicy == null) {
			problems.add("Say whether a gender-pay policy exists");
		}
		Money labour = money(labourPayments, cur, "the total labour payments", false, problems);
		BigDecimal fte = decimal(fullTimeEquivalents, "the full-time equivalents (such as 3.5)", problems);
		if (fte != null && fte.signum() <= 0) {
			problems.add("The full-time equivalents must be more than 0");
		}
		Money gross = money(grossRevenue, cur, "the gross revenue", false, problems);
		Money landBack = money(landBackContributions, cur, "the land-back contributions", false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Figures(year, cur, surplus, investors, loans, ratio.setScale(2, java.math.RoundingMode.HALF_UP),
				genderPayPolicy, labour, fte.setScale(2, java.math.RoundingMode.HALF_UP), gross, landBack);
	}

	private static Money money(String text, String currency, String what, boolean mayBeNegative, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add("Give " + what + " in " + currency);
			return null;
		}
		try {
			Money m = Money.parse(text.strip(), currency);
			if (!mayBeNegative && m.isNegative()) {
				problems.add(what.substring(0, 1).toUpperCase() + what.substring(1) + " cannot be negative");
			}
			return m;
		} catch (RuntimeException e) {
			problems.add("Give " + what + " as an amount such as 1234.50; got '" + text + "'");
			return null;
		}
	}

	private static BigDecimal decimal(String text, String what, List<String> problems) {
		try {
			BigDecimal d = new BigDecimal(text.strip());
			if (d.scale() > 2 || d.compareTo(BigDecimal.valueOf(999_999)) > 0) {
				problems.add("Give " + what + " with at most two decimals");
				return null;
			}
			return d;
		} catch (RuntimeException e) {
			problems.add("Give " + what);
			return null;
		}
	}
}
