package coop.commonscloud.qualification.internal.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform parameter values one evaluation uses. Amounts are in the parameters' currency
 * ({@code currency}); shares and the land-back contribution are percent.
 */
public record Thresholds(String currency, BigDecimal reserveAllowance, BigDecimal investorReturns,
		BigDecimal payRatioMaximum, BigDecimal payCap, BigDecimal landBackPercent, BigDecimal minimumRenewableShare,
		long evidenceValidityDays, long remedyPeriodDays) {

	/** The values by parameter key, as recorded with each evaluation. */
	public Map<String, Object> byKey() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("qualification.reserve-allowance", reserveAllowance);
		m.put("structure.investor-returns", investorReturns);
		m.put("qualification.pay-ratio-maximum", payRatioMaximum);
		m.put("labour.pay-cap", payCap);
		m.put("land-back.contribution", landBackPercent);
		m.put("renewables.minimum-average-share", minimumRenewableShare);
		m.put("qualification.evidence-validity", evidenceValidityDays);
		m.put("qualification.remedy-period", remedyPeriodDays);
		return m;
	}
}
