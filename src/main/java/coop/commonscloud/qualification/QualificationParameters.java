package coop.commonscloud.qualification;

import coop.commonscloud.parameters.ParameterKey;
import coop.commonscloud.parameters.ParameterSeed;
import java.util.List;

/**
 * The platform parameters qualification owns: the thresholds of the region's criteria, and how
 * long evidence counts and a remedy may take.
 */
public final class QualificationParameters {

	public static final ParameterKey RESERVE_ALLOWANCE = new ParameterKey("qualification.reserve-allowance");
	public static final ParameterKey PAY_RATIO_MAXIMUM = new ParameterKey("qualification.pay-ratio-maximum");
	public static final ParameterKey REMEDY_PERIOD = new ParameterKey("qualification.remedy-period");
	public static final ParameterKey EVIDENCE_VALIDITY = new ParameterKey("qualification.evidence-validity");
	public static final ParameterKey MINIMUM_RENEWABLE_SHARE = new ParameterKey("renewables.minimum-average-share");
	/** Also the levy settlement holds back for land-back programs. */
	public static final ParameterKey LAND_BACK_CONTRIBUTION = new ParameterKey("land-back.contribution");
	public static final ParameterKey INVESTOR_RETURNS = new ParameterKey("structure.investor-returns");
	public static final ParameterKey LABOUR_PAY_CAP = new ParameterKey("labour.pay-cap");

	/** Seeded from the Solidarity Economy Hosting proposal (Naarm/Melbourne). */
	public static final List<ParameterSeed> SEEDS = List.of(
			ParameterSeed.of(MINIMUM_RENEWABLE_SHARE, "%", "0", "100",
					"The least energy-weighted renewable share a server must reach over the last 365 days",
					"80", "Proposal: 100% renewable in good conditions, at least 80% on average"),
			ParameterSeed.of(LAND_BACK_CONTRIBUTION, "%", "0", "100",
					"The share of gross revenue a settler-run partner contributes to land-back programs",
					"10", "Proposal: settler-run partners contribute 10% of gross revenue to land-back programs"),
			ParameterSeed.of(INVESTOR_RETURNS, "AUD", "0", null,
					"The most a partner may pay investors as returns in a year (loan servicing for equipment is declared separately)",
					"0", "Proposal: no returns to investors"),
			// The award rate for childcare workers: Fair Work Ombudsman pay guide for the Children's Services
			// Award 2010 [MA000120], level 3.1, full-time, from 1 July 2025, about AUD 1,212.00 a week times 52
			// weeks. Read on 2026-11-21 as an approximation; stewards confirm it and record the exact figure.
			ParameterSeed.of(LABOUR_PAY_CAP, "AUD", "0", null,
					"The most a partner may pay in labour per full-time person per year",
					"63024.00", "Proposal: pay capped at the award rate for childcare workers (Children's Services Award 2010 "
							+ "[MA000120] level 3.1, full-time, from 1 July 2025, approx. AUD 1,212.00/week x 52; source: Fair Work "
							+ "Ombudsman pay guide, read 2026-11-21)"),
			ParameterSeed.of(RESERVE_ALLOWANCE, "AUD", "0", null,
					"The most surplus after labour costs a partner may keep in a year (criterion 1: no profit over labour)",
					"0", "Proposal: no profit over and above what is paid for labour; the reserve allowance defaults to 0"),
			ParameterSeed.of(PAY_RATIO_MAXIMUM, ":1", "1", "100",
					"The highest declared ratio of a partner's highest to its lowest pay (criterion 5: voluntary simplicity)",
					"3", "A 3:1 highest-to-lowest pay ratio, a common co-operative ceiling, until members decide otherwise"),
			ParameterSeed.of(REMEDY_PERIOD, "days", "1", "3650",
					"How long each step of a sanction case lasts before the next (notice, probation, no new sign-ups, removal)",
					"30", "Thirty days to remedy a failing criterion before each further step"),
			ParameterSeed.of(EVIDENCE_VALIDITY, "days", "1", "3650",
					"How long an approved piece of evidence or a yearly declaration counts before it has expired",
					"365", "Evidence and the financial declaration are renewed yearly"));

	private QualificationParameters() {
	}
}
