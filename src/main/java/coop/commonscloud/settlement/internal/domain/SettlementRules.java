package coop.commonscloud.settlement.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The governed rules one settlement applies, read from the platform parameters in force at the end
 * of the period and recorded with the run. Percentages are held in parts per million, so every
 * split is an exact integer largest-remainder split of cents.
 *
 * @param stewardshipPpm the region's stewardship share of each person's net payment
 * @param landBackPpm the land-back levy on a settler-run provider's gross
 * @param weighting what a person's usage of an offering weighs
 * @param fallback where the money of a person who used nothing goes
 */
public record SettlementRules(long stewardshipPpm, long landBackPpm, Weighting weighting, Fallback fallback) {

	public static final long MILLION = 1_000_000;

	public enum Weighting {
		/** Days with at least one sign-in to the offering (the default). */
		ACTIVE_DAYS,
		/** The (capped) quantities the provider reported, such as storage GB-days. */
		REPORTED_UNITS
	}

	public enum Fallback {
		/** Pro-rata to all providers by their total usage in the period (the default). */
		PRO_RATA,
		/** To the region's commons fund (Liabilities:FallbackFund). */
		COMMONS_FUND
	}

	public SettlementRules {
		if (stewardshipPpm < 0 || stewardshipPpm > MILLION || landBackPpm < 0 || landBackPpm > MILLION) {
			throw new IllegalArgumentException("shares are between 0 and 100 %");
		}
		if (weighting == null || fallback == null) {
			throw new IllegalArgumentException("weighting and fallback are required");
		}
	}

	/** A percentage such as 10 or 12.5 in parts per million (rounded half-even beyond 4 decimals). */
	public static long ppm(BigDecimal percent) {
		return percent.movePointRight(4).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
	}

	public static String percent(long ppm) {
		return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + " %";
	}
}
